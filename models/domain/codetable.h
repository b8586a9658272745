#pragma once

#include "domain/persiantext.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace fouad::CodeTable {

// A table of enum values with their stable machine code and a title
// translated in the context "fouad::Codes". Each enum's .cpp holds one table;
// these look things up in it.
template<typename E> struct Entry
{
    E value;
    const char16_t *code;
    const char *title = nullptr;
};

template<typename Table, typename E> const auto &entry(const Table &table, E value)
{
    for (const auto &e : table) {
        if (e.value == value)
            return e;
    }
    Q_UNREACHABLE();
}

template<typename Table, typename E> QString code(const Table &table, E value)
{
    return QStringView(entry(table, value).code).toString();
}

template<typename Table, typename E> QString title(const Table &table, E value)
{
    return QCoreApplication::translate("fouad::Codes", entry(table, value).title);
}

// The title in Persian whatever the program's language (PersianText::translated).
template<typename Table, typename E> QString persianTitle(const Table &table, E value)
{
    return PersianText::translated("fouad::Codes", entry(table, value).title);
}

template<typename Table>
auto fromCode(const Table &table, QStringView code) -> std::optional<decltype(table[0].value)>
{
    for (const auto &e : table) {
        if (code == QStringView(e.code))
            return e.value;
    }
    return std::nullopt;
}

template<typename Table> auto values(const Table &table)
{
    QList<std::remove_const_t<decltype(table[0].value)>> out;
    for (const auto &e : table)
        out.append(e.value);
    return out;
}

// The codes joined for messages: "a, b, c".
template<typename Table> QString codes(const Table &table)
{
    QStringList out;
    for (const auto &e : table)
        out.append(QStringView(e.code).toString());
    return out.join(u", ");
}

} // namespace fouad::CodeTable
