import KataStore

/// Makes the names and unique handles of the demo's people from lists of first and last names of
/// many cultures, as a plant's staff would have.
struct DemoNames {
    private var usedHandles: Set<String> = []

    /// A new person's display name and a handle (`first.last`, a number appended when taken).
    mutating func make(_ random: inout DemoRandom) -> (name: String, handle: String) {
        let first = random.pick(DemoNames.firstNames)
        let last = random.pick(DemoNames.lastNames)
        let base = DemoNames.handleForm(first) + "." + DemoNames.handleForm(last)
        var handle = base
        var number = 2
        while usedHandles.contains(handle) {
            handle = base + String(number)
            number += 1
        }
        usedHandles.insert(handle)
        return (first + " " + last, handle)
    }

    /// The name in the letters a handle allows: lower case, accents taken off, spaces and other
    /// signs left out.
    static func handleForm(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                result.append(character)
            } else if let plain = plainLetters[character] {
                result += plain
            }
        }
        return result
    }

    private static let plainLetters: [Character: String] = [
        "á": "a", "à": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "ą": "a", "æ": "ae", "ç": "c", "ć": "c",
        "č": "c", "é": "e", "è": "e", "ê": "e", "ë": "e", "ę": "e", "ğ": "g", "í": "i", "ì": "i", "î": "i",
        "ï": "i", "ı": "i", "ł": "l", "ñ": "n", "ń": "n", "ó": "o", "ò": "o", "ô": "o", "ö": "o", "õ": "o",
        "ø": "o", "ő": "o", "ř": "r", "ś": "s", "š": "s", "ş": "s", "ß": "ss", "ú": "u", "ù": "u", "û": "u",
        "ü": "u", "ű": "u", "ý": "y", "ź": "z", "ż": "z", "ž": "z",
    ]

    static let firstNames = [
        "Aaliyah", "Adebayo", "Aiko", "Akosua", "Alejandro", "Amara", "Amina", "Ana", "Anders", "Andrés", "Anja",
        "Arjun", "Astrid", "Ayşe", "Bao", "Beatriz", "Björn", "Bogdan", "Bruno", "Carmen", "Chen", "Chiamaka",
        "Chloé", "Claudia", "Dalia", "Daniel", "Darius", "Deepa", "Diego", "Dmitri", "Elif", "Elena", "Emeka",
        "Emma", "Fatima", "Felix", "Fernanda", "Finn", "Gabriela", "Giulia", "Grace", "Hana", "Hannah", "Hassan",
        "Heike", "Hiroshi", "Ines", "Ingrid", "Ivana", "Jakub", "Jamal", "Jan", "Javier", "Jin", "João", "Jonas",
        "Julia", "Kaito", "Karim", "Katarzyna", "Kemal", "Kenji", "Kofi", "Lars", "Layla", "Lea", "Leila", "Liam",
        "Lina", "Lucía", "Luis", "Łukasz", "Magdalena", "Malik", "Marco", "Maria", "Mariam", "Mateo", "Mehmet",
        "Mei", "Miguel", "Min-jun", "Mohammed", "Nadia", "Naledi", "Nikolai", "Nils", "Noah", "Noor", "Olga",
        "Olusegun", "Omar", "Paolo", "Patrick", "Pedro", "Pia", "Priya", "Rafael", "Rahul", "Ravi", "Rosa", "Ruth",
        "Sakura", "Samir", "Sara", "Sebastian", "Seo-yeon", "Siddharth", "Siobhan", "Sofia", "Sven", "Tanvir",
        "Tariq", "Thabo", "Thi Lan", "Tomasz", "Valentina", "Vikram", "Wei", "Xin", "Yasmin", "Yusuf", "Zainab",
        "Zeynep", "Zoë",
    ]

    static let lastNames = [
        "Abdullah", "Adeyemi", "Ahmed", "Alvarez", "Andersson", "Bauer", "Becker", "Bianchi", "Brennan", "Chatterjee",
        "Chen", "Costa", "Čapek", "Demir", "Dubois", "Dvořák", "Eriksson", "Fernández", "Fischer", "Fujita",
        "García", "Gonzaga", "Gupta", "Haddad", "Hansen", "Hartmann", "Hoffmann", "Huang", "Ibrahim", "Ivanova",
        "Jansen", "Jung", "Kaya", "Khan", "Kim", "Koch", "Kowalski", "Krüger", "Kumar", "Lange", "Larsen", "Lee",
        "Lehmann", "Lima", "Liu", "López", "Mahlangu", "Martin", "Mensah", "Meyer", "Moreau", "Müller", "Murphy",
        "Nakamura", "Nguyen", "Nowak", "Novák", "Nwosu", "O'Brien", "Okafor", "Oliveira", "Osei", "Öztürk", "Park",
        "Patel", "Pereira", "Petrov", "Popescu", "Rahman", "Ramírez", "Reddy", "Rossi", "Sato", "Schäfer",
        "Schmidt", "Schneider", "Schulz", "Silva", "Singh", "Sørensen", "Suzuki", "Szabó", "Tanaka", "Tran",
        "Vasquez", "Wagner", "Walsh", "Wang", "Weber", "Wiśniewski", "Wolf", "Yamamoto", "Yılmaz", "Yang",
        "Zhang", "Zimmermann",
    ]
}
