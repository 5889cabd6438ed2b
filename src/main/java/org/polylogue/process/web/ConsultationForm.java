package org.polylogue.process.web;

/** The fields of the consultation form, as typed (kept when the form comes back with errors). */
public record ConsultationForm(String slug, String title, String opensAt, String closesAt, String text) {}
