package dev.ringwatch.ring;

/** Renders a bit set as {@code NAME|NAME|0x...}, shared by the flag and feature tables. */
final class BitNames {
    private BitNames() {
    }

    static String describe(int bits, String[] names) {
        if (bits == 0) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        int unknown = 0;
        for (int i = 0; i < 32; i++) {
            int bit = 1 << i;
            if ((bits & bit) == 0) {
                continue;
            }
            if (i < names.length) {
                if (!sb.isEmpty()) {
                    sb.append('|');
                }
                sb.append(names[i]);
            } else {
                unknown |= bit;
            }
        }
        if (unknown != 0) {
            if (!sb.isEmpty()) {
                sb.append('|');
            }
            sb.append("0x").append(Integer.toHexString(unknown));
        }
        return sb.toString();
    }
}
