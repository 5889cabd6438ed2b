package org.polylogue.moderation;

/** Body of {@code POST /api/v1/moderation/{kind}/{id}/dismiss}: why the reports and flags are closed (public). */
public record DismissReports(String reason) {}
