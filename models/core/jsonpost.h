#pragma once

#include <QNetworkRequest>
#include <QString>

class QNetworkReply;
class QUrl;

namespace fouad {

// One HTTP POST of JSON to a system outside the centre (an agency's webhook, the
// telephony endpoint), made and read the same way by whoever sends: the outbox's
// dispatcher and the desk's dialer.
class JsonPost final
{
public:
    // Content-Type application/json, the reply abandoned after timeoutMs without
    // progress, and redirects not followed: a redirected POST could reach
    // somewhere else without its body, so a 3xx is an answer like any other.
    static QNetworkRequest request(const QUrl &url, int timeoutMs);

    enum class Kind {
        Answered, // an HTTP status came back (httpStatus)
        TimedOut, // nothing within the timeout
        Refused, // the port is closed: nothing listens there
        Unreachable, // any other failure to get an answer: a name, a route, TLS (error says)
    };
    struct Answer
    {
        Kind kind = Kind::Unreachable;
        int httpStatus = 0; // Answered only
        QString error; // Unreachable only: Qt's words, untranslated
        bool succeeded() const { return kind == Kind::Answered && httpStatus / 100 == 2; }
    };
    // What a finished reply to request() came to.
    static Answer answer(const QNetworkReply &reply);
};

} // namespace fouad
