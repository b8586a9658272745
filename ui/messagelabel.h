#pragma once

#include "core/error.h"

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

// Shows an error from the core: its message in words as the headline, in
// `headline` if given ("Not registered: %1"), and the technical detail (a
// driver's text) beneath it in small type and in the tooltip, never as the
// headline. A conflict reads "someone else changed this complaint", with what
// the core said about it as the detail.
void showError(QLabel *label, const Error &error, const QString &headline = {});
// The headline showError() gives an error, as plain text.
QString errorHeadline(const Error &error);

} // namespace fouad::ui
