package org.ferstudio.app.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's log file, {@code ~/.fer-studio/logs/fer-studio.log}: errors shown to the user in a
 * dialog keep their stack trace here. The command line logs to the console only, so this is added in
 * code when the app starts rather than in logback.xml. Rolls over at 5 MB, keeping three old files.
 */
public final class AppLog {

    private static final String APPENDER = "FER_STUDIO_FILE";

    private AppLog() {
    }

    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".fer-studio", "logs", "fer-studio.log");
    }

    /** Adds the file appender (once) and lets our own info messages through to it. */
    public static synchronized Path install(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return file;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) {
            return file;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();
        root.addAppender(appender);
        ch.qos.logback.classic.Logger ours = context.getLogger("org.ferstudio");
        if (ours.getLevel() == null || ours.getLevel().isGreaterOrEqual(Level.WARN)) {
            ours.setLevel(Level.INFO);
        }
        return file;
    }
}
