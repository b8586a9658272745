#pragma once

#include "core/result.h"
#include "domain/contact.h"

#include <QCoreApplication>

namespace fouad {

class Database;

// Contacts (migration 14). Changed only through AdministrationService.
class ContactRepository final
{
    Q_DECLARE_TR_FUNCTIONS(ContactRepository)

public:
    explicit ContactRepository(Database &database)
        : m_database(database)
    {
    }

    // The new contact's id. An unknown agency or province is invalid input
    // naming "agency" or "province".
    Result<qint64> add(const Contact &contact);
    Result<Contact> find(qint64 id);
    // NotFound if there is no such contact.
    Result<void> remove(qint64 id);
    // Every contact, by agency (the SMS gateway first), role and name.
    Result<QList<Contact>> list();
    // Who a message about a complaint in `province` against `agency` goes to: the
    // agency's contacts of these roles for that province or for every province,
    // that have a webhook. agency empty: the centre-wide ones (citizen_sms).
    Result<QList<Contact>> recipients(const QString &agency, const QString &province,
                                      const QList<ContactRole> &roles);

private:
    Database &m_database;
};

} // namespace fouad
