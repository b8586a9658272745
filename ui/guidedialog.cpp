#include "guidedialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

QString relativePath(GuideDialog::Guide guide, const QString &language)
{
    // The operator's guide is written in Persian only.
    if (guide == GuideDialog::Guide::Operator)
        return u"fa/operator-guide.md"_s;
    return (language == u"en" ? u"en"_s : u"fa"_s) + u"/admin-guide.md"_s;
}

} // namespace

QString GuideDialog::locate(Guide guide, const QString &language)
{
    const QString relative = relativePath(guide, language);
    QStringList candidates = {
        QCoreApplication::applicationDirPath() + u"/../share/fouad/docs/"_s + relative,
    };
    const QString installed =
        QStandardPaths::locate(QStandardPaths::GenericDataLocation, u"fouad/docs/"_s + relative);
    if (!installed.isEmpty())
        candidates.append(installed);
    candidates.append(QStringLiteral(FOUAD_SOURCE_DOCS) + u'/' + relative);
    for (const QString &candidate : std::as_const(candidates)) {
        const QFileInfo file(candidate);
        if (file.isFile())
            return file.canonicalFilePath();
    }
    return {};
}

GuideDialog::GuideDialog(Guide guide, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(guide == Guide::Operator ? tr("Operator's guide") : tr("Administrator's guide"));
    resize(900, 700);
    auto *layout = new QVBoxLayout(this);
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(u"guideBrowser"_s);
    m_browser->setOpenExternalLinks(true);
    layout->addWidget(m_browser);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    const QString path = locate(guide, locale().name().left(2));
    if (path.isEmpty()) {
        m_browser->setPlainText(tr("The guide was not found. It is installed with the console in "
                                   "share/fouad/docs; in a source tree it is in docs/."));
        return;
    }
    m_browser->setSource(QUrl::fromLocalFile(path), QTextDocument::MarkdownResource);
}

} // namespace fouad::ui
