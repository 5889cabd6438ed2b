package org.polylogue.search.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar polylogue.jar reindex}: rebuilds the search index from the database and exits
 * (the web server starts on a free port meanwhile, see {@code PolylogueApplication}).
 */
@Component
class CommandLineReindex implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CommandLineReindex.class);
    private final Reindexer reindexer;
    private final ConfigurableApplicationContext context;

    CommandLineReindex(Reindexer reindexer, ConfigurableApplicationContext context) {
        this.reindexer = reindexer;
        this.context = context;
    }

    /** Whether the process was started to reindex (the first argument is {@code reindex}). */
    static boolean requested(ApplicationArguments args) {
        return args.getSourceArgs().length > 0 && "reindex".equals(args.getSourceArgs()[0]);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!requested(args)) {
            return;
        }
        long started = System.nanoTime();
        int status = 0;
        try {
            long documents = reindexer.runNow();
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("Reindexed {} documents in {} s ({} documents/s)", documents, String.format("%.1f", seconds),
                    Math.round(documents / Math.max(seconds, 0.001)));
            System.out.printf("Reindexed %d documents in %.1f s%n", documents, seconds);
        } catch (RuntimeException e) {
            log.error("Reindex failed", e);
            status = 1;
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
