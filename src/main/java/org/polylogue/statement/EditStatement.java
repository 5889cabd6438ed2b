package org.polylogue.statement;

import io.swagger.v3.oas.annotations.media.Schema;
/** New title and/or body of a draft; a null field stays as it is. */
@Schema(example = "{\"title\": \"Protect CERTs\", \"body\": \"We call on all states to protect CERTs and their staff.\"}")
public record EditStatement(String title, String body) {}
