package org.polylogue;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Polylogue: one deployable, many modules (see docs/adr and ARCHITECTURE.md). */
@SpringBootApplication
public class PolylogueApplication {

    public static void main(String[] args) {
        SpringApplication.run(PolylogueApplication.class, args);
    }
}
