#pragma once

#include <QString>

namespace fouad {

// PBKDF2-HMAC-SHA256 with a random per-user salt, stored as
// "pbkdf2-sha256$ITERATIONS$SALT$HASH" (base64), so the cost can rise later
// without invalidating existing passwords.
class PasswordHasher final
{
public:
    static constexpr int DefaultIterations = 600000;
    static constexpr int MinimumPasswordLength = 12;

    explicit PasswordHasher(int iterations = DefaultIterations)
        : m_iterations(iterations)
    {
    }

    QString hash(const QString &password) const;
    // Compares in constant time; false for any malformed stored value.
    static bool verify(const QString &password, const QString &stored);

private:
    int m_iterations;
};

} // namespace fouad
