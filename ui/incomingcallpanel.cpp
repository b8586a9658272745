#include "incomingcallpanel.h"

#include "domain/jalali.h"
#include "domain/persiantext.h"
#include "domain/phonenumber.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fouad::ui {

IncomingCallPanel::IncomingCallPanel(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"incomingCall"_s);
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(u"incomingCallTitle"_s);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    header->addWidget(m_title, 1);
    auto *useNumber = new QPushButton(tr("&Number into the form"), this);
    useNumber->setObjectName(u"useCallerNumber"_s);
    useNumber->setToolTip(tr("Puts the caller's number into the intake form for a new complaint"));
    m_open = new QPushButton(tr("&Open"), this);
    m_open->setObjectName(u"openCallerComplaint"_s);
    auto *dismiss = new QPushButton(tr("Close"), this);
    dismiss->setObjectName(u"dismissCall"_s);
    header->addWidget(useNumber);
    header->addWidget(m_open);
    header->addWidget(dismiss);
    layout->addLayout(header);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"callerComplaints"_s);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({ tr("Tracking code"), tr("Status"), tr("Received") });
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_list);
    m_note = new QLabel(this);
    m_note->setObjectName(u"incomingCallNote"_s);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    setVisible(false);

    connect(m_list, &QTreeWidget::itemActivated, this, &IncomingCallPanel::openCurrent);
    connect(m_open, &QPushButton::clicked, this, &IncomingCallPanel::openCurrent);
    connect(useNumber, &QPushButton::clicked, this,
            [this] { Q_EMIT useNumberRequested(m_call.caller); });
    connect(dismiss, &QPushButton::clicked, this, &QWidget::hide);
}

void IncomingCallPanel::showCall(const IncomingCall &call)
{
    m_call = call;
    const QLocale here = locale();
    const auto phone = PhoneNumber::parse(call.caller);
    const QString number =
        PersianText::localizeDigits(phone ? phone->national() : call.caller, here);
    m_title->setText(
        tr("Call from %1 on extension %2 at %3")
            .arg(number, PersianText::localizeDigits(call.extension, here),
                 here.toString(call.rangAt.toTimeZone(Jalali::tehran()).time(), u"HH:mm"_s)));
    m_list->clear();
    for (const CallerComplaint &c : call.complaints) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, CodeRole, c.trackingCode);
        item->setText(0, PersianText::localizeDigits(c.trackingCode, here));
        item->setText(1, title(c.status));
        item->setText(2, Jalali::formatDateTime(c.receivedAt, here));
        if (c.trackingCode == call.keyedCode)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    // As tall as its rows, up to four: the queue below stays in sight.
    const int rows = int(qMin<qsizetype>(call.complaints.size(), 4));
    if (rows > 0)
        m_list->setFixedHeight(m_list->header()->sizeHint().height()
                               + rows * m_list->sizeHintForRow(0) + 2 * m_list->frameWidth() + 2);
    m_list->setVisible(!call.complaints.isEmpty());
    m_open->setEnabled(!call.complaints.isEmpty());
    setNote(call.complaints.isEmpty() ? tr("No earlier complaint from this number.") : QString());
    setVisible(true);
}

void IncomingCallPanel::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void IncomingCallPanel::openCurrent()
{
    if (const QTreeWidgetItem *item = m_list->currentItem())
        Q_EMIT openRequested(item->data(0, CodeRole).toString());
}

} // namespace fouad::ui
