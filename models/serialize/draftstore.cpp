#include "serialize/draftstore.h"

#include "serialize/complaintdraftjson.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace fouad {

DraftStore::DraftStore(QString directory, const QString &databaseKey, const QString &user)
{
    // A hash: the URL and the name may hold characters no file name can.
    const QByteArray id =
        QCryptographicHash::hash((databaseKey + u'\n' + user).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(32);
    m_path = QDir(directory).filePath(u"draft-"_s + QString::fromLatin1(id) + u".json"_s);
}

QString DraftStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/drafts"_s;
}

Result<void> DraftStore::save(const ComplaintDraft &draft) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::runtime(file.errorString());
    file.write(ComplaintJson::draftToJson(draft));
    if (!file.commit())
        return Error::runtime(file.errorString());
    return {};
}

std::optional<ComplaintDraft> DraftStore::load() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    auto draft = ComplaintJson::draftFromJson(file.readAll());
    if (!draft)
        return std::nullopt; // not ours, or damaged: nothing to offer
    return std::move(draft).value();
}

void DraftStore::remove() const
{
    QFile::remove(m_path);
}

} // namespace fouad
