/// Estimated text widths (no font files are read): generous per-character advances for a DejaVu/Noto-like sans.
public enum TextMetrics {
    /// The advance of one character in ems.
    static func advance(_ u: Unicode.Scalar) -> Double {
        let v = u.value
        switch v {
        case 0x0300...0x036F, 0x0591...0x05C7, 0x064B...0x065F, 0x200B...0x200F: return 0 // combining marks, bidi controls
        case 0x1100...0x11FF, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60: return 1.0 // CJK, Hangul
        case 0x1F300...0x1FAFF: return 1.2 // emoji
        default: break
        }
        switch Character(u) {
        case "i", "l", "j", "'", ".", ",", ":", ";", "|", "!", "ı", "I": return 0.3
        case "f", "t", "r", "(", ")", "[", "]", "-", " ": return 0.4
        case "m", "w", "M", "W", "Ш", "Щ", "Ж", "ш", "щ", "ж", "м": return 0.9
        case "A"..."Z", "Ə", "Ş", "Ç", "Ö", "Ü", "Ğ", "İ": return 0.7
        case "0"..."9": return 0.64
        default: return 0.6
        }
    }

    /// The estimated width of a line of text at `size` px.
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        let em = text.unicodeScalars.reduce(0.0) { $0 + advance($1) }
        return em * size * (bold ? 1.08 : 1)
    }

    /// Greedy word wrap to `maxWidth` px.
    public static func wrap(_ text: String, size: Double, maxWidth: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty && width(candidate, size: size) > maxWidth {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
