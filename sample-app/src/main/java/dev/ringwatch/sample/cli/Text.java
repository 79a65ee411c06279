package dev.ringwatch.sample.cli;

/** Small wording helpers for the programs' output. */
public final class Text {
    private Text() {
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 21st, ... */
    public static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** "every thing" for 1, else "every 5th thing". */
    public static String every(int n, String thing) {
        return n == 1 ? "every " + thing : "every " + ordinal(n) + " " + thing;
    }
}
