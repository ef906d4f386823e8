package dev.vmodb.jpa.mapping;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.References;
import dev.vmodb.core.metadata.DeclarationException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * References the VMS could not enforce fail at start-up, with real Hibernate over real H2, saying what to do.
 */
class ReferenceDeclarationIntegrationTests {

	@Test
	void aReferenceToAnEntityOfAnotherVmsFails() {
		assertThatThrownBy(() -> create(List.of(Invoice.class)))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("VMS 'test'")
			.hasMessageContaining("Invoice.customerId: @References(Client)")
			.hasMessageContaining("not one of this VMS's entities")
			.hasMessageContaining("a reference across VMSs cannot be enforced locally");
	}

	@Test
	void aReferenceToANonEntityFails() {
		assertThatThrownBy(() -> create(List.of(Client.class, Note.class)))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("Note.clientId: @References(String)")
			.hasMessageContaining("not an @Entity");
	}

	@Test
	void aReferenceOfTheWrongTypeFails() {
		assertThatThrownBy(() -> create(List.of(Client.class, Ticket.class)))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("Ticket.clientId: @References(Client)")
			.hasMessageContaining("the field is a String but the id of Client is a Long");
	}

	@Test
	void aReferenceToACompositeKeyFails() {
		assertThatThrownBy(() -> create(List.of(Pair.class, PairNote.class)))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("PairNote.pairId: @References(Pair)")
			.hasMessageContaining("composite key");
	}

	@Test
	void associationsFailSayingToUseReferences() {
		assertThatThrownBy(() -> create(List.of(Client.class, Booking.class)))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("Booking.client: @ManyToOne associations are not supported")
			.hasMessageContaining("@References(Client.class) Long clientId")
			.hasMessageNotContaining("not an entity of this VMS");
		assertThatThrownBy(() -> create(List.of(Booking.class)))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("Client is not an entity of this VMS: a reference across VMSs cannot be enforced");
		assertThatThrownBy(() -> create(List.of(Client.class, Agency.class)))
			.isInstanceOf(DeclarationException.class)
			.hasMessageContaining("Agency.clients: @OneToMany associations are not supported")
			.hasMessageContaining("annotated @References(Agency.class)");
	}

	private static VmsPersistenceUnit create(List<Class<?>> entities) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:references-" + UUID.randomUUID());
		return VmsPersistenceUnit.create("test", dataSource, entities);
	}

	@Entity
	static class Client {

		@Id
		Long id;

	}

	@Entity
	static class Invoice {

		@Id
		Long id;

		@References(Client.class)
		Long customerId;

	}

	@Entity
	static class Note {

		@Id
		Long id;

		@References(String.class)
		Long clientId;

	}

	@Entity
	static class Ticket {

		@Id
		Long id;

		@References(Client.class)
		String clientId;

	}

	static class PairId implements java.io.Serializable {

		Long left;

		Long right;

		@Override
		public boolean equals(Object other) {
			return other instanceof PairId that && java.util.Objects.equals(this.left, that.left)
					&& java.util.Objects.equals(this.right, that.right);
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(this.left, this.right);
		}

	}

	@Entity
	@IdClass(PairId.class)
	static class Pair {

		@Id
		Long left;

		@Id
		Long right;

	}

	@Entity
	static class PairNote {

		@Id
		Long id;

		@References(Pair.class)
		Long pairId;

	}

	@Entity
	static class Booking {

		@Id
		Long id;

		@ManyToOne
		Client client;

	}

	@Entity
	static class Agency {

		@Id
		Long id;

		@OneToMany
		List<Client> clients;

	}

}
