#include "core/jsonpost.h"

#include <QNetworkReply>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fouad {

QNetworkRequest JsonPost::request(const QUrl &url, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return request;
}

JsonPost::Answer JsonPost::answer(const QNetworkReply &reply)
{
    Answer answer;
    const QVariant status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid()) {
        answer.kind = Kind::Answered;
        answer.httpStatus = status.toInt();
        return answer;
    }
    switch (reply.error()) {
    // The transfer timeout aborts the reply: Qt 6.4 reports that as cancelled.
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        answer.kind = Kind::TimedOut;
        break;
    case QNetworkReply::ConnectionRefusedError:
        answer.kind = Kind::Refused;
        break;
    default:
        answer.kind = Kind::Unreachable;
        answer.error = reply.errorString();
        break;
    }
    return answer;
}

} // namespace fouad
