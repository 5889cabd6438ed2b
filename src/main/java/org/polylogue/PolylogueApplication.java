package org.polylogue;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Polylogue: one deployable, many modules (see docs/adr and ARCHITECTURE.md). */
@SpringBootApplication
public class PolylogueApplication {

    public static void main(String[] args) {
        var application = new SpringApplication(PolylogueApplication.class);
        if (args.length > 0 && "reindex".equals(args[0])) {
            // rebuild the search index and exit (search's CommandLineReindex); the web server starts on
            // a free port, not the configured one, because sessions and security need the web context
            var withFreePort = java.util.Arrays.copyOf(args, args.length + 1);
            withFreePort[args.length] = "--server.port=0";
            application.run(withFreePort);
            return;
        }
        application.run(args);
    }
}
