#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace fouad::ui {

// The labels that carry messages to the person at the desk, styled by
// fouad.qss through their object name: a field's reason (red, small), a
// failure banner, a warning note. Hidden until they have something to say.
enum class MessageKind { FieldError, Failure, Warning };

QLabel *newMessageLabel(QWidget *parent, MessageKind kind = MessageKind::FieldError);

// Shows text in a message label, as an error (red) or a quiet confirmation.
void showMessage(QLabel *label, const QString &text, bool error);

} // namespace fouad::ui
