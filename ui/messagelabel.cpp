#include "messagelabel.h"

#include <QCoreApplication>
#include <QLabel>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace fouad::ui {

QLabel *newMessageLabel(QWidget *parent, MessageKind kind)
{
    auto *label = new QLabel(parent);
    switch (kind) {
    case MessageKind::FieldError:
        label->setObjectName(u"fieldError"_s);
        break;
    case MessageKind::Failure:
        label->setObjectName(u"formFailure"_s);
        break;
    case MessageKind::Warning:
        label->setObjectName(u"duplicateWarning"_s);
        break;
    }
    label->setWordWrap(true);
    label->setVisible(false);
    return label;
}

void showMessage(QLabel *label, const QString &text, bool error)
{
    label->setObjectName(error ? u"fieldError"_s : u"fieldHint"_s);
    label->style()->unpolish(label); // the style sheet selects by object name
    label->style()->polish(label);
    label->setTextFormat(Qt::AutoText); // showError() may have left rich text
    label->setToolTip({});
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QString errorHeadline(const Error &error)
{
    if (error.kind == ErrorKind::Conflict)
        return QCoreApplication::translate(
            "fouad::ui::MessageLabel",
            "Someone else has changed this complaint meanwhile. Look at it again, then repeat "
            "your change.");
    return error.message;
}

void showError(QLabel *label, const Error &error, const QString &headline)
{
    QString text = errorHeadline(error);
    if (!headline.isEmpty())
        text = headline.arg(text);
    QStringList details;
    if (error.kind == ErrorKind::Conflict && !error.message.isEmpty())
        details << error.message;
    if (!error.detail.isEmpty())
        details << error.detail;
    const QString detail = details.join(u'\n');
    label->setTextFormat(Qt::RichText);
    QString html = u"<div>"_s + text.toHtmlEscaped() + u"</div>"_s;
    if (!detail.isEmpty())
        html += u"<div style=\"font-size: small\">"_s
            + detail.toHtmlEscaped().replace(u'\n', u"<br>"_s) + u"</div>"_s;
    label->setText(html);
    label->setToolTip(detail);
    label->setVisible(true);
}

} // namespace fouad::ui
