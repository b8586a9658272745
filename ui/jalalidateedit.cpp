#include "jalalidateedit.h"

#include "domain/jalali.h"
#include "palette.h"

#include <QCalendar>
#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QWidgetAction>

using namespace Qt::StringLiterals;

namespace fouad::ui {

JalaliDateEdit::JalaliDateEdit(QWidget *parent)
    : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(u"jalaliDateText"_s);
    m_edit->setClearButtonEnabled(true);
    m_edit->setPlaceholderText(tr("yyyy/mm/dd"));
    m_edit->setMinimumWidth(fontMetrics().horizontalAdvance(u"0000/00/00"_s) + 40);
    row->addWidget(m_edit, 1);
    m_button = new QToolButton(this);
    m_button->setObjectName(u"jalaliDatePopup"_s);
    m_button->setText(u"▾"_s);
    m_button->setToolTip(tr("Pick a day from the Jalali calendar"));
    row->addWidget(m_button);
    setFocusProxy(m_edit);
    // Checked when the typing is done, not at every keystroke of "1405/0".
    connect(m_edit, &QLineEdit::editingFinished, this, &JalaliDateEdit::parseText);
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            parseText(); // the clear button
    });
    connect(m_button, &QToolButton::clicked, this, &JalaliDateEdit::showPopup);
}

void JalaliDateEdit::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void JalaliDateEdit::setDate(std::optional<QDate> date)
{
    m_edit->setText(date ? Jalali::formatDate(*date, locale()) : QString());
    parseText();
}

void JalaliDateEdit::parseText()
{
    const QString text = m_edit->text().trimmed();
    std::optional<QDate> parsed;
    const bool acceptable = text.isEmpty() || (parsed = Jalali::parseDate(text)).has_value();
    m_acceptable = acceptable;
    m_edit->setStyleSheet(acceptable ? QString()
                                     : Palette::resolve(u"border: 2px solid @danger;"_s));
    m_edit->setToolTip(acceptable ? QString()
                                  : tr("Not a Jalali date: type year/month/day, for example "
                                       "1405/09/01. It is ignored until corrected."));
    if (!acceptable)
        return;
    if (parsed)
        m_edit->setText(Jalali::formatDate(*parsed, locale())); // one spelling for all
    if (parsed != m_date) {
        m_date = parsed;
        Q_EMIT dateChanged();
    }
}

void JalaliDateEdit::showPopup()
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    auto *grid = new QCalendarWidget(menu);
    grid->setObjectName(u"jalaliDateGrid"_s);
    grid->setCalendar(QCalendar(QCalendar::System::Jalali));
    grid->setLocale(locale());
    grid->setFirstDayOfWeek(Qt::Saturday); // the Iranian week
    grid->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    if (m_date)
        grid->setSelectedDate(*m_date);
    auto *action = new QWidgetAction(menu);
    action->setDefaultWidget(grid);
    menu->addAction(action);
    connect(grid, &QCalendarWidget::clicked, this, [this, menu](QDate day) {
        setDate(day);
        menu->close();
    });
    menu->popup(mapToGlobal(QPoint(0, height())));
}

} // namespace fouad::ui
