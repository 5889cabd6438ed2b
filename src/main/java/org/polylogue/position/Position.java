package org.polylogue.position;

/** Where an actor stands on an item; each has words and a symbol so that colour is never the only cue. */
public enum Position {
    SUPPORTS("Supports", "✓", "supports"),
    OPPOSES("Opposes", "✗", "opposes"),
    WANTS_AMENDMENT("Wants an amendment", "✎", "amend"),
    CONDITIONAL("Conditional support", "≈", "conditional"),
    NEUTRAL("Neutral", "○", "neutral");

    private final String label;
    private final String symbol;
    private final String css;

    Position(String label, String symbol, String css) {
        this.label = label;
        this.symbol = symbol;
        this.css = css;
    }

    public String label() {
        return label;
    }

    public String symbol() {
        return symbol;
    }

    /** The CSS class suffix of the cell ({@code position-supports}...). */
    public String css() {
        return css;
    }

    /** The position of this constant name, or null. */
    public static Position parse(String name) {
        for (var position : values()) {
            if (position.name().equals(name)) {
                return position;
            }
        }
        return null;
    }
}
