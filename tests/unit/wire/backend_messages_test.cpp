// Unit tests for the backend message writers: exact bytes, DataRow building, error fields.
#include "wire/backend_messages.hpp"
#include "wire/frontend_messages.hpp"

#include "wire/byte_reader.hpp"
#include "wire/message_framer.hpp"

#include "wire_test_util.hpp"

#include <functional>
#include <map>

namespace duckgres::wire::test {
namespace {

struct ExactCase {
    const char *name;
    std::function<void(std::string &)> write;
    std::string expected;
};

std::vector<ExactCase> ExactCases() {
    static const uint8_t salt[4] = {0x01, 0x02, 0xfe, 0xff};
    static const FieldDescription fields[] = {
        {"id", 16384, 1, 23, 4, -1, 0},
        {"name", 0, 0, 25, -1, -1, 1},
    };
    static const uint32_t oids[] = {23, 0xffffffffu};
    return {
        {"ssl accept", [](std::string &o) { WriteSslResponse(o, true); }, "S"},
        {"ssl refuse", [](std::string &o) { WriteSslResponse(o, false); }, "N"},
        {"auth ok", [](std::string &o) { WriteAuthenticationOk(o); }, Hex("52 00000008 00000000")},
        {"auth cleartext", [](std::string &o) { WriteAuthenticationCleartextPassword(o); },
         Hex("52 00000008 00000003")},
        {"auth md5", [](std::string &o) { WriteAuthenticationMd5Password(o, salt); },
         Hex("52 0000000c 00000005 0102feff")},
        {"auth sasl",
         [](std::string &o) {
             WriteAuthenticationSasl(o, {"SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"});
         },
         "R" + Be32(4 + 4 + 19 + 14 + 1) + Be32(10) + Cstr("SCRAM-SHA-256-PLUS") + Cstr("SCRAM-SHA-256") + '\0'},
        {"auth sasl no mechanisms", [](std::string &o) { WriteAuthenticationSasl(o, {}); },
         Hex("52 00000009 0000000a 00")},
        {"auth sasl continue", [](std::string &o) { WriteAuthenticationSaslContinue(o, "r=abc,s=xyz,i=4096"); },
         "R" + Be32(4 + 4 + 18) + Be32(11) + "r=abc,s=xyz,i=4096"},
        {"auth sasl final", [](std::string &o) { WriteAuthenticationSaslFinal(o, "v=sig"); },
         Hex("52 0000000d 0000000c 763d736967")},
        {"parameter status", [](std::string &o) { WriteParameterStatus(o, "client_encoding", "UTF8"); },
         "S" + Be32(4 + 16 + 5) + Cstr("client_encoding") + Cstr("UTF8")},
        {"backend key data", [](std::string &o) { WriteBackendKeyData(o, 4242, -559038737); },
         Hex("4b 0000000c 00001092 deadbeef")},
        {"ready idle", [](std::string &o) { WriteReadyForQuery(o, TransactionStatus::Idle); }, Hex("5a 00000005 49")},
        {"ready in block", [](std::string &o) { WriteReadyForQuery(o, TransactionStatus::InBlock); },
         Hex("5a 00000005 54")},
        {"ready failed", [](std::string &o) { WriteReadyForQuery(o, TransactionStatus::Failed); },
         Hex("5a 00000005 45")},
        {"negotiate protocol version",
         [](std::string &o) {
             WriteNegotiateProtocolVersion(o, kProtocolVersion3, {"_pq_.a", "_pq_.bc"});
         },
         "v" + Be32(4 + 4 + 4 + 7 + 8) + Be32(0x30000) + Be32(2) + Cstr("_pq_.a") + Cstr("_pq_.bc")},
        {"negotiate no options", [](std::string &o) { WriteNegotiateProtocolVersion(o, kProtocolVersion3, {}); },
         Hex("76 0000000c 00030000 00000000")},
        {"row description", [](std::string &o) { WriteRowDescription(o, fields); },
         "T" + Be32(4 + 2 + (3 + 18) + (5 + 18)) + Be16(2) + Cstr("id") + Be32(16384) + Be16(1) + Be32(23) + Be16(4) +
             Be32(0xffffffff) + Be16(0) + Cstr("name") + Be32(0) + Be16(0) + Be32(25) + Be16(0xffff) +
             Be32(0xffffffff) + Be16(1)},
        {"row description empty", [](std::string &o) { WriteRowDescription(o, {}); }, Hex("54 00000006 0000")},
        {"command complete", [](std::string &o) { WriteCommandComplete(o, "INSERT 0 3"); },
         "C" + Be32(4 + 11) + Cstr("INSERT 0 3")},
        {"empty query", [](std::string &o) { WriteEmptyQueryResponse(o); }, Hex("49 00000004")},
        {"parse complete", [](std::string &o) { WriteParseComplete(o); }, Hex("31 00000004")},
        {"bind complete", [](std::string &o) { WriteBindComplete(o); }, Hex("32 00000004")},
        {"close complete", [](std::string &o) { WriteCloseComplete(o); }, Hex("33 00000004")},
        {"no data", [](std::string &o) { WriteNoData(o); }, Hex("6e 00000004")},
        {"portal suspended", [](std::string &o) { WritePortalSuspended(o); }, Hex("73 00000004")},
        {"parameter description", [](std::string &o) { WriteParameterDescription(o, oids); },
         Hex("74 0000000e 0002 00000017 ffffffff")},
        {"parameter description empty", [](std::string &o) { WriteParameterDescription(o, {}); },
         Hex("74 00000006 0000")},
        {"error minimal",
         [](std::string &o) {
             ErrorFields f;
             f.sqlstate = "42601";
             f.message = "syntax error";
             WriteErrorResponse(o, f);
         },
         "E" + Be32(4 + 7 + 7 + 7 + 14 + 1) + "S" + Cstr("ERROR") + "V" + Cstr("ERROR") + "C" + Cstr("42601") + "M" +
             Cstr("syntax error") + '\0'},
        {"notice",
         [](std::string &o) {
             ErrorFields f;
             f.severity = "NOTICE";
             f.sqlstate = "00000";
             f.message = "hi";
             WriteNoticeResponse(o, f);
         },
         "N" + Be32(4 + 8 + 8 + 7 + 4 + 1) + "S" + Cstr("NOTICE") + "V" + Cstr("NOTICE") + "C" + Cstr("00000") + "M" +
             Cstr("hi") + '\0'},
        {"error with position and detail",
         [](std::string &o) {
             ErrorFields f;
             f.sqlstate = "42P01";
             f.message = "m";
             f.detail = "d";
             f.position = 15;
             WriteErrorResponse(o, f);
         },
         "E" + Be32(4 + 7 + 7 + 7 + 3 + 3 + 4 + 1) + "S" + Cstr("ERROR") + "V" + Cstr("ERROR") + "C" + Cstr("42P01") +
             "M" + Cstr("m") + "D" + Cstr("d") + "P" + Cstr("15") + '\0'},
    };
}

TEST(BackendMessagesTest, ExactBytes) {
    for (const auto &c : ExactCases()) {
        SCOPED_TRACE(c.name);
        std::string out;
        c.write(out);
        EXPECT_EQ(out, c.expected);
    }
}

TEST(BackendMessagesTest, WritersAppendWithoutTouchingExistingBytes) {
    for (const auto &c : ExactCases()) {
        SCOPED_TRACE(c.name);
        std::string out = "existing";
        c.write(out);
        c.write(out);
        EXPECT_EQ(out, "existing" + c.expected + c.expected);
    }
}

TEST(BackendMessagesTest, FramesCleanlyThroughMessageFramer) {
    // Every framed backend message has a length word consistent with its size.
    std::string stream;
    size_t framed_count = 0;
    for (const auto &c : ExactCases()) {
        if (c.expected.size() > 1) {
            c.write(stream);
            framed_count++;
        }
    }
    MessageFramer framer(1 << 16);
    framer.Append(AsBytes(stream));
    size_t got = 0;
    while (framer.Next()) {
        got++;
    }
    EXPECT_EQ(got, framed_count);
    EXPECT_EQ(framer.Buffered(), 0u);
}

//! Decodes an ErrorResponse/NoticeResponse body into code -> value; `order` gets the codes as sent.
std::map<char, std::string> DecodeFields(const std::string &message, std::string *order = nullptr) {
    ByteReader reader(AsBytes(message).subspan(5));
    std::map<char, std::string> fields;
    while (true) {
        char code = static_cast<char>(reader.ReadByte());
        if (code == 0) {
            break;
        }
        EXPECT_EQ(fields.count(code), 0u) << "duplicate field " << code;
        fields[code] = std::string(reader.ReadCString());
        if (order) {
            order->push_back(code);
        }
    }
    reader.ExpectEnd("ErrorResponse");
    return fields;
}

TEST(BackendMessagesTest, ErrorResponseCarriesEveryField) {
    ErrorFields f;
    f.severity = "FATAL";
    f.sqlstate = "23505";
    f.message = "duplicate key";
    f.detail = "Key (id)=(1) already exists.";
    f.hint = "h";
    f.position = 7;
    f.internal_query = "iq";
    f.where = "w";
    f.schema_name = "public";
    f.table_name = "t";
    f.column_name = "c";
    f.data_type_name = "int4";
    f.constraint_name = "t_pkey";
    f.file = "nbtinsert.c";
    f.line = "666";
    f.routine = "_bt_check_unique";
    std::string out;
    WriteErrorResponse(out, f);
    ASSERT_EQ(out[0], 'E');
    std::map<char, std::string> expected = {
        {'S', "FATAL"},
        {'V', "FATAL"},
        {'C', "23505"},
        {'M', "duplicate key"},
        {'D', f.detail},
        {'H', "h"},
        {'P', "7"},
        {'q', "iq"},
        {'W', "w"},
        {'s', "public"},
        {'t', "t"},
        {'c', "c"},
        {'d', "int4"},
        {'n', "t_pkey"},
        {'F', "nbtinsert.c"},
        {'L', "666"},
        {'R', "_bt_check_unique"},
    };
    std::string order;
    EXPECT_EQ(DecodeFields(out, &order), expected);
    EXPECT_EQ(order, "SVCMDHPqWstcdnFLR");
    EXPECT_EQ(ByteReader(AsBytes(out).subspan(1, 4)).ReadInt32(), static_cast<int32_t>(out.size() - 1));
}

TEST(BackendMessagesTest, ErrorResponseSkipsEmptyOptionalFields) {
    ErrorFields f;
    f.message = "boom";
    f.position = 0;
    std::string out;
    WriteErrorResponse(out, f);
    std::map<char, std::string> expected = {{'S', "ERROR"}, {'V', "ERROR"}, {'C', "XX000"}, {'M', "boom"}};
    EXPECT_EQ(DecodeFields(out), expected);

    f.position = -3;
    out.clear();
    WriteErrorResponse(out, f);
    EXPECT_EQ(DecodeFields(out).count('P'), 0u);
}

TEST(BackendMessagesTest, DataRowWithValuesAndNulls) {
    std::string out;
    DataRowWriter row(out);
    row.Begin(3);
    row.Value("42");
    row.Null();
    row.Value("");
    row.End();
    EXPECT_EQ(out, Hex("44 00000014 0003 00000002 3432 ffffffff 00000000"));
}

TEST(BackendMessagesTest, DataRowBeginValueEndValue) {
    std::string out = "pre";
    DataRowWriter row(out);
    row.Begin(2);
    std::string &buffer = row.BeginValue();
    buffer += "hello";
    buffer += " world";
    row.EndValue();
    row.BeginValue();
    row.EndValue();
    row.End();
    EXPECT_EQ(out, "pre" + Framed('D', Be16(2) + Be32(11) + "hello world" + Be32(0)));
}

TEST(BackendMessagesTest, SeveralDataRowsInOneBuffer) {
    std::string out;
    DataRowWriter row(out);
    for (int i = 0; i < 3; i++) {
        row.Begin(1);
        row.Value(std::to_string(i));
        row.End();
    }
    std::string expected;
    for (int i = 0; i < 3; i++) {
        expected += Framed('D', Be16(1) + Be32(1) + std::to_string(i));
    }
    EXPECT_EQ(out, expected);
}

TEST(BackendMessagesTest, DataRowZeroColumns) {
    std::string out;
    DataRowWriter row(out);
    row.Begin(0);
    row.End();
    EXPECT_EQ(out, Hex("44 00000006 0000"));
}

TEST(BackendMessagesTest, StringsWithEmbeddedNulAreTruncated) {
    std::string out;
    WriteCommandComplete(out, "SELECT\0 1"s);
    EXPECT_EQ(out, Framed('C', Cstr("SELECT")));
}

} // namespace
} // namespace duckgres::wire::test

namespace duckgres::wire {
namespace {

TEST(BackendMessagesCopy, ExactBytes) {
    std::string out;
    int16_t formats[] = {0, 0};
    WriteCopyInResponse(out, 0, formats);
    EXPECT_EQ(out, std::string("G\0\0\0\x0b\0\0\x02\0\0\0\0", 12));
    out.clear();
    int16_t binary[] = {1};
    WriteCopyOutResponse(out, 1, binary);
    EXPECT_EQ(out, std::string("H\0\0\0\x09\x01\0\x01\0\x01", 10));
    out.clear();
    WriteCopyData(out, "1\tx\n");
    EXPECT_EQ(out, std::string("d\0\0\0\x08"
                               "1\tx\n",
                               9));
    out.clear();
    WriteCopyDone(out);
    EXPECT_EQ(out, std::string("c\0\0\0\x04", 5));
}

} // namespace
} // namespace duckgres::wire
