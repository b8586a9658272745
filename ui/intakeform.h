#pragma once

#include "domain/intakevalidator.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

class QTimer;

namespace fouad {
class DraftStore;
class IntakeService;
} // namespace fouad

namespace fouad::ui {

class AgencyPicker;

// Registering a complaint while the citizen is on the line: keyboard only
// (tab order top to bottom; Enter accepts a field, a pick list's choice above
// all, and moves to the next; Enter in the description, the last field, or
// Ctrl+Enter anywhere registers; Shift+Enter for a new line in the description), each field checked
// as it is typed with the reason beside it, a warning when the same phone complained about the same
// agency within 24 hours. On success the tracking code is shown large, ready to read out and copy;
// on failure the form keeps everything typed.
class IntakeForm final : public QWidget
{
    Q_OBJECT

public:
    IntakeForm(IntakeService &intake, QWidget *parent = nullptr);

    // The draft as currently typed.
    ComplaintDraft draft() const;
    QString lastTrackingCode() const { return m_lastCode; }
    // Who registers: recorded as the actor of the "registered" event.
    void setActor(const QString &userName) { m_actor = userName; }
    // A save failed and was not retried yet (the form still holds it).
    bool hasPendingSave() const { return m_pendingSave; }
    // The key of this draft's saves (ComplaintDraft::clientKey): one per
    // complaint, kept across retries, new after a success or a new form.
    const QString &clientKey() const { return m_clientKey; }
    // Where what is typed is kept (debounced) until it is saved or discarded.
    void setDraftStore(const DraftStore *store) { m_drafts = store; }
    // Fills the form with a kept draft, its client key included.
    void restoreDraft(const ComplaintDraft &draft);
    static constexpr int DraftDelayMs = 500;
    // Nothing about a citizen or a complaint is typed (channel, province and
    // priority are defaults, not typing).
    bool isBlank() const;
    // A call rang: the caller's number into the phone field, checked and kept
    // as if typed, and the caller's name next.
    void fillPhone(const QString &phone);

public Q_SLOTS:
    void submit();
    // Saves again what failed to save (the database is back), if anything did.
    void resumePendingSave();
    void startNew();
    void focusFirstField();

Q_SIGNALS:
    void registered(const QString &trackingCode);
    // A save failed (the database may be away); the form keeps everything.
    void saveFailed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using Field = IntakeValidator::Field;

    void buildUi();
    void fillChoices();
    static void setInvalidLook(QWidget *widget, bool invalid);
    void touch(Field field);
    void recheck(Field field);
    // The field's problem as the form shows it: its own, or its place's.
    std::optional<Error> fieldError(Field field) const;
    bool recheckAll();
    void focusAfter(QObject *field);
    void checkDuplicate();
    // The cities of the chosen province and the offices of the chosen agency there.
    void fillPlaces();
    QString fieldValue(Field field) const;
    QWidget *fieldWidget(Field field) const;

    IntakeService &m_intake;
    IntakeValidator m_validator;

    QComboBox *m_channel = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_nationalId = nullptr;
    QCheckBox *m_shareIdentity = nullptr;
    QComboBox *m_province = nullptr;
    AgencyPicker *m_agency = nullptr;
    AgencyPicker *m_city = nullptr;
    AgencyPicker *m_office = nullptr;
    QLineEdit *m_serviceDesk = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_priority = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QPushButton *m_submit = nullptr;
    QLabel *m_duplicateWarning = nullptr;
    QLabel *m_failure = nullptr;
    QLabel *m_phoneHint = nullptr;

    QWidget *m_resultPanel = nullptr;
    QLabel *m_resultCode = nullptr;
    QPushButton *m_copy = nullptr;

    QHash<Field, QLabel *> m_errors;
    QSet<Field> m_touched;
    QString m_lastCode;
    QString m_actor;
    void keepDraft();

    QString m_clientKey;
    bool m_pendingSave = false;
    const DraftStore *m_drafts = nullptr;
    QTimer *m_draftTimer = nullptr;
};

} // namespace fouad::ui
