#pragma once

#include "domain/incomingcall.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace fouad::ui {

// The screen pop: a call rings this desk's extension. Above the form and the
// queue, never in the way of typing: who calls, their earlier complaints with
// status and date (Enter or a double click opens one), and a button that puts
// the number into the intake form. Hidden until a call, closed with its button.
class IncomingCallPanel final : public QFrame
{
    Q_OBJECT

public:
    explicit IncomingCallPanel(QWidget *parent = nullptr);

    void showCall(const IncomingCall &call);
    const IncomingCall &call() const { return m_call; }
    QTreeWidget *complaints() const { return m_list; }
    // Said under the list: whether the number went into the form.
    void setNote(const QString &note);

    // The tracking code a row holds.
    static constexpr int CodeRole = Qt::UserRole + 1;

Q_SIGNALS:
    void openRequested(const QString &trackingCode);
    void useNumberRequested(const QString &phoneE164);

private:
    void openCurrent();

    IncomingCall m_call;
    QLabel *m_title = nullptr;
    QLabel *m_note = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace fouad::ui
