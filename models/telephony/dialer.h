#pragma once

#include "telephony/telephonysettings.h"

#include <QObject>
#include <QString>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace fouad {

// Click to call (issue 9): asks the centre's telephony endpoint to ring this
// desk's extension and connect it to a citizen, by one HTTP POST of
// {"extension": EXT, "number": E.164} to the settings' dialUrl. Asynchronous:
// the reply is awaited by the event loop of the thread it lives on, which never
// blocks. Each dial() reports exactly once, dialled() or failed().
class Dialer final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 10000;

    explicit Dialer(TelephonySettings settings, int timeoutMs = DefaultTimeoutMs,
                    QObject *parent = nullptr);
    ~Dialer() override;

    // Dials an Iranian phone number (as PhoneNumber::parse reads it). Refused
    // without a request, failed() at once, when the settings do not dial, the
    // number is not a phone, or another dial is still waiting for its answer.
    void dial(const QString &number);
    bool isDialling() const { return m_reply != nullptr; }

Q_SIGNALS:
    // The endpoint accepted (2xx): the desk's phone rings, then the citizen's.
    void dialled();
    // Nothing was dialled, in words for the person at the desk (translated).
    void failed(const QString &message);

private:
    void finish();

    TelephonySettings m_settings;
    int m_timeoutMs;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QNetworkReply *m_reply = nullptr; // the one awaited; m_network owns it
};

} // namespace fouad
