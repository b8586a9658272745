#include "agencypicker.h"

#include "domain/persiantext.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QStandardItemModel>

using namespace Qt::StringLiterals;

namespace fouad::ui {

namespace {

// Matches the normalised key of what was typed, and puts the item's display
// name (not its key) into the line edit when one is picked.
class NormalizingCompleter final : public QCompleter
{
public:
    NormalizingCompleter(QAbstractItemModel *model, QObject *parent)
        : QCompleter(model, parent)
    {
    }

    QStringList splitPath(const QString &path) const override
    {
        return { PersianText::searchKey(path) };
    }
    QString pathFromIndex(const QModelIndex &index) const override
    {
        return index.data(Qt::DisplayRole).toString();
    }
};

} // namespace

AgencyPicker::AgencyPicker(QWidget *parent)
    : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMaxVisibleItems(15);
    lineEdit()->setPlaceholderText(tr("Type part of the agency's name"));

    auto *completer = new NormalizingCompleter(model(), this);
    completer->setCompletionRole(SearchKeyRole);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setMaxVisibleItems(12);
    setCompleter(completer);

    connect(this, &QComboBox::currentIndexChanged, this, &AgencyPicker::choiceChanged);
    connect(this, &QComboBox::editTextChanged, this, &AgencyPicker::choiceChanged);
}

void AgencyPicker::setAgencies(const QList<Agency> &agencies)
{
    clear();
    for (const Agency &agency : agencies) {
        addItem(localizedName(agency));
        const int row = count() - 1;
        setItemData(row, agency.code, CodeRole);
        setItemData(row, PersianText::searchKey(agency.name + u' ' + agency.nameEn), SearchKeyRole);
    }
    clearChoice();
}

void AgencyPicker::setChoices(const QList<Choice> &choices)
{
    const QString kept = currentCode();
    const QSignalBlocker quiet(this); // one choiceChanged below, not one per item
    clear();
    for (const Choice &c : choices) {
        addItem(c.name);
        const int row = count() - 1;
        setItemData(row, c.code, CodeRole);
        setItemData(row, PersianText::searchKey(c.name + u' ' + c.searchText), SearchKeyRole);
    }
    const int row = kept.isEmpty() ? -1 : findData(kept, CodeRole);
    setCurrentIndex(row);
    if (row < 0)
        setEditText(QString());
    Q_EMIT choiceChanged();
}

QString AgencyPicker::currentCode() const
{
    const int row = currentIndex();
    if (row < 0 || currentText() != itemText(row))
        return {};
    return itemData(row, CodeRole).toString();
}

void AgencyPicker::clearChoice()
{
    setCurrentIndex(-1);
    clearEditText();
}

} // namespace fouad::ui
