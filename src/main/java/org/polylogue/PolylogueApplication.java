package org.polylogue;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Polylogue: one deployable, many modules (see docs/adr and ARCHITECTURE.md). */
@SpringBootApplication
public class PolylogueApplication {

    public static void main(String[] args) {
        var application = new SpringApplication(PolylogueApplication.class);
        if (args.length > 0 && "reindex".equals(args[0])) {
            // rebuild the search index and exit, without a web server (see search's CommandLineReindex)
            application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        }
        application.run(args);
    }
}
