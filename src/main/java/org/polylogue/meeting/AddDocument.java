package org.polylogue.meeting;

/** A document to link from a meeting: a title and an http(s) URL. */
public record AddDocument(String title, String url) {}
