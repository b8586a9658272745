#include "serialize/draftstore.h"

#include "support/sampledraft.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace fouad;

namespace {

TEST(DraftStore, KeepsADraftPerDatabaseAndUserUntilRemoved)
{
    QTemporaryDir dir;
    const DraftStore mine(dir.path(), QStringLiteral("postgresql://db.centre:5432/fouad"),
                          QStringLiteral("op.rahimi"));
    EXPECT_FALSE(mine.load().has_value());
    ComplaintDraft typed = test::sampleDraft();
    typed.description = QStringLiteral("نیمه‌کاره");
    typed.agency.clear(); // partly typed
    typed.clientKey = QStringLiteral("0b5e6d1c-2f3a-4b5c-8d9e-0f1a2b3c4d5e");
    ASSERT_TRUE(mine.save(typed).ok());

    const auto back = mine.load();
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->citizenName, typed.citizenName);
    EXPECT_EQ(back->phone, typed.phone);
    EXPECT_EQ(back->description, typed.description);
    EXPECT_EQ(back->agency, QString());
    EXPECT_EQ(back->clientKey, typed.clientKey);

    // Another person on the same database, or the same person elsewhere: nothing.
    EXPECT_FALSE(DraftStore(dir.path(), QStringLiteral("postgresql://db.centre:5432/fouad"),
                            QStringLiteral("op.karimi"))
                     .load()
                     .has_value());
    EXPECT_FALSE(
        DraftStore(dir.path(), QStringLiteral("sqlite:/tmp/other.db"), QStringLiteral("op.rahimi"))
            .load()
            .has_value());

    mine.remove();
    EXPECT_FALSE(mine.load().has_value());
    EXPECT_FALSE(QFile::exists(mine.path()));
}

} // namespace
