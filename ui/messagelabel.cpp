#include "messagelabel.h"

#include <QLabel>

using namespace Qt::StringLiterals;

namespace fouad::ui {

QLabel *newMessageLabel(QWidget *parent, MessageKind kind)
{
    auto *label = new QLabel(parent);
    switch (kind) {
    case MessageKind::FieldError: label->setObjectName(u"fieldError"_s); break;
    case MessageKind::Failure: label->setObjectName(u"formFailure"_s); break;
    case MessageKind::Warning: label->setObjectName(u"duplicateWarning"_s); break;
    }
    label->setWordWrap(true);
    label->setVisible(false);
    return label;
}

} // namespace fouad::ui
