package org.polylogue.meeting;

import io.swagger.v3.oas.annotations.media.Schema;

/** A document to link from a meeting: a title and an http(s) URL. */
@Schema(example = "{\"title\": \"Chair's non-paper\", \"url\": \"https://docs.example.org/oewg/chair-non-paper.pdf\"}")
public record AddDocument(String title, String url) {}
