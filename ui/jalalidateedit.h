#pragma once

#include <QDate>
#include <QWidget>

#include <optional>

class QCalendarWidget;
class QLineEdit;
class QToolButton;

namespace fouad::ui {

// A date typed as a Jalali year/month/day ("1405/09/01", Persian, Arabic-Indic
// or Latin digits) or picked from a month grid of the Jalali calendar. Empty
// means no date; text that is no date is marked, explained in Persian and
// ignored (date() stays what it was last valid).
class JalaliDateEdit final : public QWidget
{
    Q_OBJECT

public:
    explicit JalaliDateEdit(QWidget *parent = nullptr);

    // The Gregorian QDate of the Jalali day shown; none when empty.
    std::optional<QDate> date() const { return m_date; }
    void setDate(std::optional<QDate> date);
    // The text typed is a date or nothing.
    bool isAcceptable() const { return m_acceptable; }
    QLineEdit *lineEdit() const { return m_edit; }
    void setPlaceholderText(const QString &text);

Q_SIGNALS:
    // After a valid edit (a date or cleared), never for text that is no date.
    void dateChanged();

private:
    void parseText();
    void showPopup();

    QLineEdit *m_edit = nullptr;
    QToolButton *m_button = nullptr;
    std::optional<QDate> m_date;
    bool m_acceptable = true;
};

} // namespace fouad::ui
