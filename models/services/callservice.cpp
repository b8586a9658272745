#include "services/callservice.h"

#include "domain/phonenumber.h"
#include "domain/trackingcode.h"
#include "domain/user.h"
#include "storage/callrepository.h"
#include "storage/database.h"

using namespace Qt::StringLiterals;

namespace fouad {

CallService::CallService(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<IncomingCall> CallService::checked(const QString &extension, const QString &caller,
                                          const QString &keyedCode)
{
    IncomingCall call;
    const auto ext = IncomingCall::normalizedExtension(extension);
    if (!ext)
        return Error::invalid(u"--extension"_s,
                              tr("An extension is 1 to 32 letters, digits, dots, dashes or "
                                 "underscores; got \"%1\".")
                                  .arg(extension));
    call.extension = *ext;
    const auto phone = PhoneNumber::parse(caller);
    if (!phone)
        return Error::invalid(u"--caller"_s,
                              tr("\"%1\" is not an Iranian phone number.").arg(caller));
    call.caller = phone->e164();
    if (!keyedCode.trimmed().isEmpty()) {
        const auto code = TrackingCode::normalized(keyedCode);
        if (!code)
            return Error::invalid(u"--code"_s,
                                  tr("\"%1\" is not a tracking code (its check digit is wrong, "
                                     "or it is too short).")
                                      .arg(keyedCode));
        call.keyedCode = *code;
    }
    return call;
}

Result<IncomingCall> CallService::record(IncomingCall call, const QString &actor)
{
    call.rangAt = m_clock.nowUtc();
    Transaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    CallRepository calls(m_database);
    auto id = calls.record(call.extension, call.caller, call.keyedCode, call.rangAt,
                           actor.isEmpty() ? systemActor().name : actor);
    if (!id)
        return id.error();
    call.id = id.value();
    if (auto added = addComplaints(call); !added)
        return added.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return call;
}

Result<void> CallService::addComplaints(IncomingCall &call)
{
    auto complaints = CallRepository(m_database).callerComplaints(call.caller);
    if (!complaints)
        return complaints.error();
    call.complaints = std::move(complaints).value();
    return {};
}

} // namespace fouad
