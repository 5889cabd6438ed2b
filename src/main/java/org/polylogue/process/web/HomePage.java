package org.polylogue.process.web;

import org.polylogue.process.Consultations;
import org.polylogue.process.Processes;
import org.polylogue.shared.security.PublicEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomePage {

    private final Consultations consultations;
    private final Processes processes;

    HomePage(Consultations consultations, Processes processes) {
        this.consultations = consultations;
        this.processes = processes;
    }

    @GetMapping("/")
    @PublicEndpoint("the front page is public")
    String home(@org.springframework.web.bind.annotation.RequestParam(name = "signed-out", required = false)
            String signedOut, Model model) {
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("consultations", consultations.openAndUpcoming());
        model.addAttribute("processes", processes.all());
        return "process/home";
    }
}
