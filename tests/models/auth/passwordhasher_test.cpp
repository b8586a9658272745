// Stored passwords: PBKDF2-HMAC-SHA256, a random salt each time, the cost in
// the stored value.
#include "auth/passwordhasher.h"

#include <QStringList>

#include <gtest/gtest.h>

using namespace fouad;

namespace {

QString s(const char16_t *text)
{
    return QStringView(text).toString();
}

TEST(PasswordHasher, Pbkdf2WithSaltAndAtLeast600kIterations)
{
    const PasswordHasher hasher;
    const QString a = hasher.hash(s(u"correct horse battery"));
    const QString b = hasher.hash(s(u"correct horse battery"));
    EXPECT_NE(a, b); // a random salt each time
    const QStringList parts = a.split(u'$');
    ASSERT_EQ(parts.size(), 4);
    EXPECT_EQ(parts[0], s(u"pbkdf2-sha256"));
    EXPECT_GE(parts[1].toInt(), 600000);
    EXPECT_TRUE(PasswordHasher::verify(s(u"correct horse battery"), a));
    EXPECT_FALSE(PasswordHasher::verify(s(u"correct horse batterY"), a));
    EXPECT_FALSE(PasswordHasher::verify(s(u"correct horse battery"), s(u"garbage")));
}

TEST(PasswordHasher, TheStoredCostIsTheOneUsed)
{
    // A hash made with fewer iterations still verifies: the cost can rise later.
    const QString cheap = PasswordHasher(1000).hash(s(u"correct horse battery"));
    EXPECT_EQ(cheap.split(u'$').value(1), s(u"1000"));
    EXPECT_TRUE(PasswordHasher::verify(s(u"correct horse battery"), cheap));
    QString tampered = cheap;
    tampered.replace(s(u"$1000$"), s(u"$1001$"));
    EXPECT_FALSE(PasswordHasher::verify(s(u"correct horse battery"), tampered));
}

} // namespace
