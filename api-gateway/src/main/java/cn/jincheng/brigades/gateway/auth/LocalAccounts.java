package cn.jincheng.brigades.gateway.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;

/**
 * The local profile's demo accounts. Passwords are held only as bcrypt hashes; an unknown user
 * costs the same bcrypt check as a known one, so timing does not tell which user names exist.
 */
public final class LocalAccounts {

    private record Account(Caller caller, String passwordHash) {
    }

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final String dummyHash;

    public LocalAccounts(List<AuthProperties.Account> configured, String password) {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("DEMO_PASSWORD must not be empty");
        }
        String hash = encoder.encode(password);
        for (AuthProperties.Account a : configured) {
            Role role = Role.parse(a.role());
            if (role == null) {
                throw new IllegalStateException("account " + a.username() + " has an unknown role " + a.role());
            }
            accounts.put(a.username(), new Account(new Caller(a.username(), role, a.county()), hash));
        }
        this.dummyHash = encoder.encode("not-a-password-of-anyone");
    }

    /** The account's identity when the password matches. */
    public Optional<Caller> authenticate(String username, String password) {
        Account account = username == null ? null : accounts.get(username);
        String candidate = password == null ? "" : password;
        boolean matches = encoder.matches(candidate, account != null ? account.passwordHash() : dummyHash);
        return matches && account != null ? Optional.of(account.caller()) : Optional.empty();
    }

    public List<Caller> all() {
        return accounts.values().stream().map(Account::caller).toList();
    }
}
