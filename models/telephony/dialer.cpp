#include "telephony/dialer.h"

#include "core/jsonpost.h"
#include "domain/phonenumber.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace fouad {

Dialer::Dialer(TelephonySettings settings, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_timeoutMs(timeoutMs)
{
}

Dialer::~Dialer()
{
    if (m_reply) {
        // Gone before the answer: nobody is left to tell.
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        delete m_reply;
    }
}

void Dialer::dial(const QString &number)
{
    if (!m_settings.dials()) {
        Q_EMIT failed(tr("Calling is not set up at this desk: enter its extension and the "
                         "telephony endpoint in the settings."));
        return;
    }
    const auto phone = PhoneNumber::parse(number);
    if (!phone) {
        Q_EMIT failed(
            tr("\"%1\" is not an Iranian phone number, so it cannot be dialled.").arg(number));
        return;
    }
    if (m_reply) {
        Q_EMIT failed(tr("A call is already being dialled; wait for its answer."));
        return;
    }
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    const QJsonObject body { { u"extension"_s, m_settings.extension },
                             { u"number"_s, phone->e164() } };
    m_reply = m_network->post(JsonPost::request(m_settings.dialUrl, m_timeoutMs),
                              QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(m_reply, &QNetworkReply::finished, this, &Dialer::finish);
}

void Dialer::finish()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const JsonPost::Answer answer = JsonPost::answer(*reply);
    QString message;
    switch (answer.kind) {
    case JsonPost::Kind::Answered:
        if (answer.succeeded()) {
            Q_EMIT dialled();
            return;
        }
        message = tr("The telephony endpoint answered HTTP %L1: the call was not placed.")
                      .arg(answer.httpStatus);
        break;
    case JsonPost::Kind::TimedOut:
        message = tr("The telephony endpoint did not answer within %1 seconds: the call may not "
                     "have been placed.")
                      .arg(QLocale().toString(m_timeoutMs / 1000.0, 'g', 3));
        break;
    case JsonPost::Kind::Refused:
        message = tr("The telephony endpoint refused the connection (is it running?): the call "
                     "was not placed.");
        break;
    case JsonPost::Kind::Unreachable:
        message = tr("The telephony endpoint cannot be reached (%1): the call was not placed.")
                      .arg(answer.error);
        break;
    }
    Q_EMIT failed(message);
}

} // namespace fouad
