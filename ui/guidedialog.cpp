#include "guidedialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QImageReader>
#include <QStandardPaths>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>
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

// Screenshots are wider than the dialog: shown at most this wide (the height
// follows), so the text wraps to the window instead of scrolling sideways.
constexpr int MaxImageWidth = 760;

void fitImages(QTextDocument *document, const QUrl &base)
{
    QTextCursor cursor(document);
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextImageFormat image = fragment.charFormat().toImageFormat();
            if (!image.isValid())
                continue;
            const QSize size = QImageReader(base.resolved(QUrl(image.name())).toLocalFile()).size();
            if (size.width() <= MaxImageWidth)
                continue;
            image.setWidth(MaxImageWidth);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(image);
        }
    }
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
    const QUrl url = QUrl::fromLocalFile(path);
    m_browser->setSource(url, QTextDocument::MarkdownResource);
    fitImages(m_browser->document(), url);
}

} // namespace fouad::ui
