#include "messagelabel.h"

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
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace fouad::ui
