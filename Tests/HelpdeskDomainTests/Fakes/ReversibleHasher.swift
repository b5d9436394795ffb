import HelpdeskDomain

/// A fast stand-in for bcrypt and SHA-256: tests check the flow, not the cryptography.
struct ReversibleHasher: PasswordHasher, TokenDigester {
    func hash(_ password: String) -> String { "hashed:" + password }
    func verify(_ password: String, against hash: String) -> Bool { hash == "hashed:" + password }
    func digest(_ token: String) -> String { "digest:" + token }
}
