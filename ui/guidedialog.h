#pragma once

#include <QDialog>
#include <QString>

class QTextBrowser;

namespace fouad::ui {

// The Help menu's guides: the Markdown in docs/, shown offline in a browser of
// its own (links between the guides and their pictures work as on disk).
class GuideDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Guide { Operator, Administrator };

    explicit GuideDialog(Guide guide, QWidget *parent = nullptr);

    // The guide's file for this language: installed beside the executable
    // (<prefix>/share/fouad/docs), then in the data folders, then in the source
    // tree of a build; empty when none is there.
    static QString locate(Guide guide, const QString &language);
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser = nullptr;
};

} // namespace fouad::ui
