package org.polylogue.statement;

/** New title and/or body of a draft; a null field stays as it is. */
public record EditStatement(String title, String body) {}
