#!/usr/bin/env bash
# Builds the installable FER Studio from a checkout, in target/package/:
#   fer-studio/                   the app image: run fer-studio/bin/fer-studio in place (no JDK or Maven needed)
#   fer-studio_<version>_amd64.deb  the Debian package made from it:  sudo apt install ./fer-studio_*.deb
# Needs JDK 17 with jlink, jpackage and its jmods (Debian: openjdk-17-jdk-headless; Ubuntu also
# openjdk-17-jmods), Maven, dpkg-deb and fakeroot (Debian: dpkg-dev, fakeroot). See docs/INSTALL.md.
#   scripts/package.sh [--image-only]     (--image-only: no .deb)
# FER_BUILD_DIR picks the build folder (default target), as -Dfer.build.dir does for Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${FER_BUILD_DIR:-$ROOT/target}
PKG=$BUILD/package
NAME=fer-studio
MAKE_DEB=1
[[ "${1:-}" == "--image-only" ]] && MAKE_DEB=0

# JVM settings of the installed app: the same as ./fer-studio's (a test compares them).
# $APPDIR is the image's lib/app, where the shipped models go.
JAVA_OPTIONS=(-Xmx2g -Dorg.bytedeco.javacpp.maxbytes=6G -Dorg.bytedeco.javacpp.maxphysicalbytes=10G
              -Dorg.eclipse.deeplearning4j.helpers.disable=false '-Dfer.home=$APPDIR')

step() { printf '== %s (%ss)\n' "$1" "$SECONDS" >&2; }
die() { echo "error: $*" >&2; exit 1; }

# --- a JDK 17 that can build an image: jlink + jpackage + jmods ----------------------------------------------
find_jdk() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk /usr/lib/jvm/*17*)
  for jdk in "${candidates[@]}"; do
    if [[ -x "$jdk/bin/jlink" && -x "$jdk/bin/jpackage" && -f "$jdk/jmods/java.base.jmod" ]] \
        && "$jdk/bin/java" -version 2>&1 | grep -q 'version "17'; then
      echo "$jdk"; return 0
    fi
  done
  return 1
}
JDK=$(find_jdk) || die "no JDK 17 with jlink, jpackage and jmods under JAVA_HOME or /usr/lib/jvm;
  on Debian: sudo apt-get install openjdk-17-jdk-headless (Ubuntu: also openjdk-17-jmods)"
if (( MAKE_DEB )); then
  command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null \
    || die "dpkg-deb and fakeroot are needed for the .deb: sudo apt-get install dpkg-dev fakeroot (or --image-only)"
fi
export JAVA_HOME=$JDK

# --- 1. the jar, the jars it needs, their licences -----------------------------------------------------------
step "Maven: jar, runtime dependencies, third-party licences"
rm -rf "$PKG"
mvn -q -B ${FER_MVN_OPTS:-} -f "$ROOT/pom.xml" -Ppackage -Dmaven.test.skip=true -Dfer.build.dir="$BUILD" package
VERSION=$(sed -n 's/^version=//p' "$BUILD/classes/org/ferstudio/version.properties")
[[ -n "$VERSION" ]] || die "no version in $BUILD/classes/org/ferstudio/version.properties"
INPUT=$PKG/input
mkdir -p "$INPUT"
cp "$BUILD/$NAME-$VERSION.jar" "$INPUT/$NAME.jar"
# Linux x86-64 only: JavaFX's empty platform-selector jars and ND4J's plain build (the oneDNN one is used)
# are left out, and the native libraries for other systems inside the jars (OpenCV's for Windows, macOS
# and ARM, JNA's for a dozen platforms) are deleted from the copies.
for jar in "$PKG"/jars/*.jar; do
  base=$(basename "$jar")
  case "$base" in
    javafx-*-[0-9]*[0-9].jar) continue ;;                     # javafx-base-21.0.5.jar: no classes
    nd4j-native-[0-9]*-linux-x86_64.jar) continue ;;          # the oneDNN build replaces it
  esac
  cp "$jar" "$INPUT/"
done
NATIVE='\.(so(\.[0-9]+)*|dll|dylib|jnilib|a)$'
OURS='(^[^/]+$|linux[-/]x86[-_]64([-/]|$))'                  # JavaFX's sit at the root of its linux jars
for jar in "$INPUT"/*.jar; do
  foreign=$(unzip -Z1 "$jar" | grep -E "$NATIVE" | grep -Ev "$OURS" || true)
  [[ -z "$foreign" ]] && continue
  # shellcheck disable=SC2086
  zip -q -d "$jar" $foreign >/dev/null
  echo "$(basename "$jar"): removed $(wc -w <<<"$foreign") native libraries for other systems" >&2
done
ls "$INPUT"/nd4j-native-*-linux-x86_64-onednn*.jar >/dev/null 2>&1 || die "ND4J's oneDNN build is missing"

# --- 2. a Java runtime with only the modules the jars use ----------------------------------------------------
step "jdeps: modules used"
MODULES=$("$JDK/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 -q \
            --class-path "$INPUT/*" --recursive "$INPUT/$NAME.jar" | tail -1)
[[ "$MODULES" == java.base* ]] || die "jdeps found no modules: $MODULES"
# Loaded by name, so jdeps cannot see them: none needed today (checked by running the image's tests).
MODULES+=${FER_EXTRA_MODULES:+,$FER_EXTRA_MODULES}
echo "modules: $MODULES" >&2
step "jlink"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$PKG/runtime"

# --- 3. the app image -----------------------------------------------------------------------------------------
step "jpackage: app image"
JAVA_ARGS=()
for option in "${JAVA_OPTIONS[@]}"; do JAVA_ARGS+=(--java-options "$option"); done
# The native launcher is bin/fer-studio-jvm; bin/fer-studio (a script) sets OMP_NUM_THREADS and starts it.
"$JDK/bin/jpackage" --type app-image --name "$NAME-jvm" --dest "$PKG/jpackage" \
  --app-version "${VERSION%%-*}" --vendor "FER Studio" \
  --description "Facial expression recognition in photos and video" \
  --input "$INPUT" --main-jar "$NAME.jar" --main-class org.ferstudio.Launcher \
  --runtime-image "$PKG/runtime" "${JAVA_ARGS[@]}"
IMAGE=$PKG/$NAME
mv "$PKG/jpackage/$NAME-jvm" "$IMAGE"
rmdir "$PKG/jpackage"
install -m 755 src/packaging/linux/fer-studio "$IMAGE/bin/$NAME"
# The shipped models (tracked files only: not a developer's own models; members/ is not offered in the app).
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$ROOT" ls-files -z models | grep -zv '^models/members/' | xargs -0 -I{} cp --parents {} "$IMAGE/lib/app/"
else
  (cd "$ROOT" && find models -path models/members -prune -o -type f -print0 | xargs -0 -I{} cp --parents {} "$IMAGE/lib/app/")
fi
[[ -f "$IMAGE/lib/app/models/DEFAULT" ]] || die "no models/DEFAULT was copied into the image"
cp LICENSE src/packaging/NOTICE.md "$PKG/legal/THIRD-PARTY.txt" "$IMAGE/"
mkdir -p "$IMAGE/share/icons"
cp src/packaging/linux/fer-studio.svg "$IMAGE/share/icons/"
cp src/packaging/linux/fer-studio.desktop "$IMAGE/share/"
for png in src/packaging/linux/icons/fer-studio-*.png; do cp "$png" "$IMAGE/share/icons/"; done
echo "app image: $IMAGE ($(du -sh "$IMAGE" | cut -f1))" >&2

(( MAKE_DEB )) || { step "done"; exit 0; }

# --- 4. the .deb ------------------------------------------------------------------------------------------------
step "dpkg-deb: package"
DEB_VERSION=${VERSION/-/\~}            # 0.1.0-SNAPSHOT -> 0.1.0~SNAPSHOT (sorts before 0.1.0)
ROOTFS=$PKG/deb
mkdir -p "$ROOTFS/DEBIAN" "$ROOTFS/opt" "$ROOTFS/usr/bin" "$ROOTFS/usr/share/applications" \
  "$ROOTFS/usr/share/doc/$NAME" "$ROOTFS/usr/share/icons/hicolor/scalable/apps"
cp -a "$IMAGE" "$ROOTFS/opt/$NAME"
chmod -R u+rwX,go+rX,go-w "$ROOTFS"
ln -s "/opt/$NAME/bin/$NAME" "$ROOTFS/usr/bin/$NAME"
install -m 644 src/packaging/linux/fer-studio.desktop "$ROOTFS/usr/share/applications/$NAME.desktop"
install -m 644 src/packaging/linux/fer-studio.svg "$ROOTFS/usr/share/icons/hicolor/scalable/apps/$NAME.svg"
for png in src/packaging/linux/icons/fer-studio-*.png; do
  size=$(basename "$png" .png); size=${size##*-}
  install -D -m 644 "$png" "$ROOTFS/usr/share/icons/hicolor/${size}x${size}/apps/$NAME.png"
done
install -m 644 src/packaging/linux/copyright LICENSE src/packaging/NOTICE.md "$PKG/legal/THIRD-PARTY.txt" \
  "$ROOTFS/usr/share/doc/$NAME/"

# Depends: the Debian packages that hold the system libraries the image's native code links to directly (as
# jpackage computes them): the NEEDED entries of the runtime's and the jars' shared libraries, less those
# the image brings, found with ldconfig and dpkg -S.
debian_depends() {
  local natives=$PKG/natives so path pkg
  mkdir -p "$natives"
  for jar in "$INPUT"/*.jar; do unzip -q -o "$jar" '*.so' '*.so.*' -d "$natives" 2>/dev/null || true; done
  local files bundled
  files=$(find "$IMAGE/lib/runtime" "$natives" -type f -name '*.so*')
  bundled=$(for f in $files; do basename "$f"; done | sort -u)
  for so in $(for f in $files; do readelf -d "$f" 2>/dev/null; done \
                | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u); do
    grep -qxF "$so" <<<"$bundled" && continue
    [[ "$so" == libopenblas_nolapack.so.* ]] && continue   # JavaCPP links it to the bundled libopenblas
    path=$(ldconfig -p | awk -v so="$so" '$1 == so && /x86-64/ {print $NF; exit}')
    if [[ -z "$path" ]]; then echo "warning: $so is needed but not on this machine" >&2; continue; fi
    pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path" 2>/dev/null || true)
    [[ -n "$pkg" ]] && echo "${pkg%%:*}"
  done | sort -u | paste -sd, | sed 's/,/, /g'
  rm -rf "$natives"
}
DEPENDS=$(debian_depends)
echo "depends: $DEPENDS" >&2

cat > "$ROOTFS/DEBIAN/control" <<EOF
Package: $NAME
Version: $DEB_VERSION
Section: graphics
Priority: optional
Architecture: amd64
Maintainer: FER Studio <fer-studio@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$ROOTFS" | cut -f1)
Depends: $DEPENDS
Description: facial expression recognition in photos and video
 FER Studio recognises facial expressions (angry, disgust, fear, happy, sad, surprise, neutral) in
 photos, webcam and video, and trains the models, on an ordinary laptop CPU. It is a desktop app
 (fer-studio with no arguments) and a command line (fer-studio --help). It brings its own Java
 runtime; user data is kept in ~/.fer-studio.
EOF
DEB=$PKG/${NAME}_${DEB_VERSION}_amd64.deb
fakeroot dpkg-deb --build -Z"${FER_DEB_COMPRESSION:-gzip}" "$ROOTFS" "$DEB" >/dev/null
rm -rf "$ROOTFS"
echo "package: $DEB ($(du -h "$DEB" | cut -f1))" >&2
step "done"
