/// Words drawn with Zipf frequencies (the n-th word about 1/n as often as the first) from a fixed
/// list: real English and Arabic words first, then made-up ones, by a seeded generator so every
/// run writes the same text.
struct Vocabulary {
    static let english = """
        the to and a of i is it you for my on in not this have with please can be order account \
        help payment invoice refund printer password email error login problem card charge subscription \
        delivery shipping address update cancel support thanks issue working page screen app phone \
        browser download upload file report access reset number billing price plan upgrade team \
        message receipt bank transfer mobile network server slow crash install version settings
        """.split(separator: " ").map(String.init)
    static let arabic = """
        في من على أن هذا مع إلى لا ما عن هل كان مشكلة الطلب الحساب الفاتورة الدفع إعلان \
        الإعلان كلمة المرور البريد التطبيق الموقع الشحن التوصيل الاشتراك استرداد المبلغ خطأ \
        تسجيل الدخول الهاتف الرقم الخدمة العميل الدعم شكرا مساعدة تحديث إلغاء البطاقة
        """.split(separator: " ").map(String.init)
    static let size = 20_000
    /// Ranks of a word in the top, the middle and the tail of the vocabulary, for queries.
    static let common = [1, 5, 20]
    static let middle = [300, 1_000, 3_000]
    static let rare = [8_000, 14_000, 19_000]

    private(set) var words: [String]
    private var state: UInt64
    /// Cumulative weights 1/1, 1/1 + 1/2, … for drawing a rank.
    private let cumulative: [Double]

    init(seed: UInt64) {
        state = seed
        words = Self.english + Self.arabic
        var made = Set(words)
        var generator = seed ^ 0x9E37_79B9_7F4A_7C15
        let syllables = ["ka", "lo", "mi", "ran", "te", "sul", "vo", "ri", "dan", "pe", "zor", "qui", "nal", "bex", "tor", "ul"]
        while words.count < Self.size {
            var word = ""
            for _ in 0..<(2 + Int(Self.next(&generator) % 3)) { word += syllables[Int(Self.next(&generator) % UInt64(syllables.count))] }
            if made.insert(word).inserted { words.append(word) }
        }
        var total = 0.0
        cumulative = (1...Self.size).map { rank in
            total += 1 / Double(rank)
            return total
        }
    }

    /// The word of a rank (1 is the most frequent).
    func word(rank: Int) -> String {
        words[rank - 1]
    }

    mutating func sentence(_ length: ClosedRange<Int>) -> String {
        let count = length.lowerBound + Int(Self.next(&state) % UInt64(length.count))
        return (0..<count).map { _ in draw() }.joined(separator: " ")
    }

    private mutating func draw() -> String {
        let target = Double(Self.next(&state) % 1_000_000) / 1_000_000 * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return words[low]
    }

    /// splitmix64.
    private static func next(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
