#include "domain/persiantext.h"

#include <QTranslator>

namespace fouad::PersianText {

namespace {

constexpr char16_t ZeroWidthNonJoiner = 0x200C;
constexpr char16_t PersianZero = 0x06F0;
constexpr char16_t ArabicIndicZero = 0x0660;
constexpr char16_t Tatweel = 0x0640;

bool isPersianDigit(char16_t c)
{
    return c >= PersianZero && c <= PersianZero + 9;
}
bool isArabicIndicDigit(char16_t c)
{
    return c >= ArabicIndicZero && c <= ArabicIndicZero + 9;
}
// Fathatan .. Sukun, and the superscript alef.
bool isArabicDiacritic(char16_t c)
{
    return (c >= 0x064B && c <= 0x0652) || c == 0x0670;
}

char16_t persianLetter(char16_t c)
{
    switch (c) {
    case 0x064A: // ARABIC LETTER YEH
    case 0x0649: // ARABIC LETTER ALEF MAKSURA
        return 0x06CC; // ARABIC LETTER FARSI YEH
    case 0x0643: // ARABIC LETTER KAF
        return 0x06A9; // ARABIC LETTER KEHEH
    default:
        return c;
    }
}

} // namespace

QString normalize(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    bool pendingNewline = false;
    bool pendingZwnj = false;
    for (const QChar qc : text) {
        char16_t c = qc.unicode();
        if (qc.isSpace()) {
            pendingSpace = true;
            pendingNewline = pendingNewline || c == u'\n';
            continue;
        }
        if (c == ZeroWidthNonJoiner) {
            pendingZwnj = true;
            continue;
        }
        if (!out.isEmpty()) {
            // A ZWNJ next to a space is meaningless; a space wins over it.
            if (pendingNewline)
                out.append(u'\n'); // paragraphs of a description survive
            else if (pendingSpace)
                out.append(u' ');
            else if (pendingZwnj)
                out.append(QChar(ZeroWidthNonJoiner));
        }
        pendingSpace = pendingNewline = pendingZwnj = false;
        if (isArabicIndicDigit(c))
            c = PersianZero + (c - ArabicIndicZero);
        out.append(QChar(persianLetter(c)));
    }
    return out;
}

QString searchKey(const QString &text)
{
    const QString normalized = normalize(text);
    QString out;
    out.reserve(normalized.size());
    for (const QChar qc : normalized) {
        const char16_t c = qc.unicode();
        if (c == ZeroWidthNonJoiner || c == Tatweel || isArabicDiacritic(c))
            continue;
        if (isPersianDigit(c))
            out.append(QChar(u'0' + (c - PersianZero)));
        else if (c == 0x0622 || c == 0x0623 || c == 0x0625) // آ أ إ: typed with or without hamza
            out.append(QChar(0x0627));
        else if (c == 0x0624) // ؤ
            out.append(QChar(0x0648));
        else if (c == 0x0629) // ة
            out.append(QChar(0x0647));
        else
            out.append(qc.toLower());
    }
    return out;
}

QString toLatinDigits(const QString &text)
{
    QString out = text;
    for (QChar &qc : out) {
        const char16_t c = qc.unicode();
        if (isPersianDigit(c))
            qc = QChar(u'0' + (c - PersianZero));
        else if (isArabicIndicDigit(c))
            qc = QChar(u'0' + (c - ArabicIndicZero));
    }
    return out;
}

QString toPersianDigits(const QString &text)
{
    QString out = text;
    for (QChar &qc : out) {
        const char16_t c = qc.unicode();
        if (c >= u'0' && c <= u'9')
            qc = QChar(PersianZero + (c - u'0'));
        else if (isArabicIndicDigit(c))
            qc = QChar(PersianZero + (c - ArabicIndicZero));
    }
    return out;
}

QString localizeDigits(const QString &text, const QLocale &locale)
{
    const QString zero = locale.toString(0);
    if (zero == u"0")
        return text;
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c >= u'0' && c <= u'9')
            out.append(locale.toString(c.unicode() - u'0'));
        else
            out.append(c);
    }
    return out;
}

QString translated(const char *context, const char *source)
{
    // Loaded once; QTranslator::translate() only reads, so threads may share it.
    static const QTranslator *const persian = [] {
        auto *t = new QTranslator;
        if (!t->load(QStringLiteral(":/i18n/fouad_fa.qm")))
            qWarning("fouad_fa.qm is not in the program's resources");
        return t;
    }();
    const QString text = persian->translate(context, source);
    return text.isEmpty() ? QString::fromUtf8(source) : text;
}

} // namespace fouad::PersianText
