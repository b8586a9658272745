#pragma once

#include "domain/referencedata.h"

#include <QComboBox>

namespace fouad::ui {

// An editable combo box of agencies with type-to-search: what the operator types
// is matched anywhere in the Persian or English name, after the same
// normalisation as search (Arabic ي/ك find ی/ک). The intake form's cities and
// offices use it too (setChoices).
class AgencyPicker final : public QComboBox
{
    Q_OBJECT

public:
    explicit AgencyPicker(QWidget *parent = nullptr);

    void setAgencies(const QList<Agency> &agencies);
    struct Choice
    {
        QString code;
        QString name; // shown
        QString searchText; // matched, with the name
    };
    // Other things picked by name; keeps the current choice if it is among them.
    void setChoices(const QList<Choice> &choices);
    // The chosen agency's code, or empty while the text names none exactly.
    QString currentCode() const;
    void clearChoice();
    // The item whose data under this role is the agency's code.
    static constexpr int CodeRole = Qt::UserRole + 1;

Q_SIGNALS:
    void choiceChanged();

private:
    static constexpr int SearchKeyRole = Qt::UserRole + 2;
};

} // namespace fouad::ui
