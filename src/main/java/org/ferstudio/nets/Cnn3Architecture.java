package org.ferstudio.nets;

/**
 * The reference 3-block CNN: three blocks of [Conv3x3(f, same)-BN-ReLU, Conv3x3(f, same)-BN-ReLU,
 * MaxPool 2, Dropout 0.25] with f = 32, 64, 128, then Flatten (4,608), Dense 256-BN-ReLU, Dropout 0.5,
 * softmax. For 7 classes: 1,469,543 trainable parameters, 173.6 MFLOP per forward pass. The layers, their
 * order and so the saved parameter vectors are those of every cnn3 model shipped so far; the deeper and
 * wider variants are other parameters of the same {@link BlockCnnArchitecture}.
 */
public final class Cnn3Architecture extends BlockCnnArchitecture {

    public static final String ID = "cnn3";

    public Cnn3Architecture() {
        super(ID, "3-block CNN", new int[] {32, 64, 128}, 2, 256);
    }
}
