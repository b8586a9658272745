#pragma once

#include "core/result.h"
#include "domain/complaintdraft.h"

#include <QString>

#include <optional>

namespace fouad {

// The complaint being typed, kept on disk so a killed console loses nothing:
// one JSON file (the shape of `complaint add --json`, with its client_key) per
// database and user, so one person's draft is never offered to another.
// Written atomically (QSaveFile): a crash mid-write leaves the previous draft.
class DraftStore final
{
public:
    // databaseKey: which database (its URL without password); user: who types.
    DraftStore(QString directory, const QString &databaseKey, const QString &user);
    // The user's data folder (QStandardPaths::AppDataLocation)/drafts.
    static QString defaultDirectory();

    Result<void> save(const ComplaintDraft &draft) const;
    std::optional<ComplaintDraft> load() const;
    void remove() const;
    const QString &path() const { return m_path; }

private:
    QString m_path;
};

} // namespace fouad
