// Reads channel binding hashes and subject names from certificates with OpenSSL.
#include "net/certificate_fields.hpp"

#include "net/openssl_handles.hpp"

#include <openssl/evp.h>
#include <openssl/objects.h>

namespace duckgres::net {

std::string TlsServerEndPointHash(X509 *cert) {
    int digest_nid = NID_undef;
    if (OBJ_find_sigid_algs(X509_get_signature_nid(cert), &digest_nid, nullptr) != 1) {
        return "";
    }
    if (digest_nid == NID_md5 || digest_nid == NID_sha1) {
        digest_nid = NID_sha256;
    }
    const EVP_MD *digest = EVP_get_digestbynid(digest_nid);
    if (digest == nullptr) {
        return "";
    }
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(cert, digest, hash, &length) != 1) {
        return "";
    }
    return std::string(reinterpret_cast<const char *>(hash), length);
}

session::ClientCertificate ClientCertificateOf(X509 *cert) {
    session::ClientCertificate result;
    const X509_NAME *subject = X509_get_subject_name(cert);
    int index = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
    if (index >= 0) {
        const ASN1_STRING *value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index));
        unsigned char *utf8 = nullptr;
        int length = ASN1_STRING_to_UTF8(&utf8, value);
        if (length >= 0) {
            std::string name(reinterpret_cast<const char *>(utf8), length);
            if (name.find('\0') == std::string::npos) {
                result.common_name = std::move(name);
            }
        }
        OPENSSL_free(utf8);
    }
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (bio && X509_NAME_print_ex(bio.get(), subject, 0, XN_FLAG_RFC2253) >= 0) {
        char *data = nullptr;
        long size = BIO_get_mem_data(bio.get(), &data);
        result.distinguished_name.assign(data, size > 0 ? size : 0);
    }
    return result;
}

} // namespace duckgres::net
