package dev.vmodb.core.metadata;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.Parallel;
import dev.vmodb.core.api.PartitionBy;
import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.scheduler.ExecutionMode;
import dev.vmodb.core.schema.CompositeKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a VMS's declaration: good declarations give working handler definitions, bad ones fail at start-up with
 * a message that names the class and member and says what to do.
 */
class VmsDefinitionReaderUnitTests {

	private final VmsDefinitionReader reader = new VmsDefinitionReader();

	record Deposit(long account, long amount) {
	}

	record Deposited(long account, long balance) {
	}

	record Transfer(int branch, long from, long to, long amount) {
	}

	record Audit(String reason) {
	}

	record Open(long account) {
	}

	static class Entity {
	}

	@VirtualMicroservice(value = "bank-1_a", entities = Entity.class)
	static class Bank {

		final List<Object> seen = new ArrayList<>();

		@Inbound("deposit")
		@Outbound("deposited")
		@PartitionBy("account")
		public Deposited deposit(Deposit deposit) {
			this.seen.add(deposit);
			return new Deposited(deposit.account(), deposit.amount() * 10);
		}

		@Inbound(value = "transfer", type = TransactionType.WRITE)
		@PartitionBy({ "branch", "from" })
		public void transfer(Transfer transfer) {
			this.seen.add(transfer);
		}

		@Inbound(value = "audit", type = TransactionType.READ)
		public void audit(Audit audit) throws java.io.IOException {
			throw new java.io.IOException("audit failed: " + audit.reason());
		}

		@Parallel
		@Inbound("open_account")
		public void open(Open open) {
			this.seen.add(open);
		}

		public String notAHandler(String text) {
			return text;
		}

	}

	/** What a container's CGLIB proxy looks like: a subclass with "$$" in its name, without the annotation. */
	static class Bank$$SpringCGLIB$$0 extends Bank {

	}

	@VirtualMicroservice("hidden")
	private static final class PrivateVms {

		@Inbound("ping")
		@Outbound("pong")
		public Audit ping(Audit audit) {
			return new Audit("pong:" + audit.reason());
		}

	}

	@Test
	void goodDeclarationYieldsHandlerDefinitions() throws Throwable {
		Bank bank = new Bank();
		VmsDefinition definition = this.reader.read(bank);

		assertThat(definition.name()).isEqualTo("bank-1_a");
		assertThat(definition.type()).isEqualTo(Bank.class);
		assertThat(definition.entityClasses()).containsExactly(Entity.class);
		assertThat(definition.handlers()).containsOnlyKeys("deposit", "transfer", "audit", "open_account");
		assertThat(definition.handlerOf("withdraw")).isNull();

		HandlerDefinition deposit = definition.handlerOf("deposit");
		assertThat(deposit.vms()).isEqualTo("bank-1_a");
		assertThat(deposit.name()).isEqualTo("Bank.deposit");
		assertThat(deposit.inboundEvent()).isEqualTo("deposit");
		assertThat(deposit.inboundType()).isEqualTo(Deposit.class);
		assertThat(deposit.outboundEvent()).isEqualTo("deposited");
		assertThat(deposit.outboundType()).isEqualTo(Deposited.class);
		assertThat(deposit.type()).isEqualTo(TransactionType.READ_WRITE);
		assertThat(deposit.mode()).isEqualTo(ExecutionMode.PARTITIONED);
		assertThat(deposit.invoke(new Deposit(7, 3))).isEqualTo(new Deposited(7, 30));
		assertThat(bank.seen).containsExactly(new Deposit(7, 3));
		assertThat(deposit.partitionKeyOf(new Deposit(7, 3))).isEqualTo(7L);

		HandlerDefinition transfer = definition.handlerOf("transfer");
		assertThat(transfer.type()).isEqualTo(TransactionType.WRITE);
		assertThat(transfer.mode()).isEqualTo(ExecutionMode.PARTITIONED);
		assertThat(transfer.outboundEvent()).isNull();
		assertThat(transfer.outboundType()).isNull();
		assertThat(transfer.partitionKeyOf(new Transfer(2, 5, 6, 1))).isEqualTo(CompositeKey.of(2, 5L))
			.isNotEqualTo(CompositeKey.of(2, 6L));
		assertThat(transfer.invoke(new Transfer(2, 5, 6, 1))).isNull();
		assertThat(bank.seen).endsWith(new Transfer(2, 5, 6, 1));

		HandlerDefinition audit = definition.handlerOf("audit");
		assertThat(audit.type()).isEqualTo(TransactionType.READ);
		assertThat(audit.mode()).isEqualTo(ExecutionMode.SERIAL);
		assertThat(audit.partitionKeyOf(new Audit("x"))).isNull();
		assertThatThrownBy(() -> audit.invoke(new Audit("books"))).isInstanceOf(java.io.IOException.class)
			.hasMessage("audit failed: books");

		HandlerDefinition open = definition.handlerOf("open_account");
		assertThat(open.mode()).isEqualTo(ExecutionMode.PARALLEL);
		assertThat(open.name()).isEqualTo("Bank.open");
		assertThat(open.partitionKeyOf(new Open(1))).isNull();
		open.invoke(new Open(9));
		assertThat(bank.seen).endsWith(new Open(9));
	}

	@Test
	void proxySubclassIsReadAsTheClassTheUserWrote() throws Throwable {
		Bank proxy = new Bank$$SpringCGLIB$$0();
		VmsDefinition definition = this.reader.read(proxy);
		assertThat(definition.type()).isEqualTo(Bank.class);
		assertThat(definition.handlers()).hasSize(4);
		definition.handlerOf("open_account").invoke(new Open(3));
		assertThat(proxy.seen).containsExactly(new Open(3));
	}

	@Test
	void nonPublicClassesWork() throws Throwable {
		VmsDefinition definition = this.reader.read(new PrivateVms());
		assertThat(definition.handlerOf("ping").invoke(new Audit("a"))).isEqualTo(new Audit("pong:a"));
	}

	// --- bad declarations -------------------------------------------------------------------------------------

	static class NotAnnotated {

	}

	@Test
	void classWithoutAnnotationIsRejected() {
		assertThatExceptionOfType(DeclarationException.class).isThrownBy(() -> this.reader.read(new NotAnnotated()))
			.withMessageContaining(NotAnnotated.class.getName())
			.withMessageContaining("@VirtualMicroservice");
	}

	@VirtualMicroservice("bank")
	static class TwoHandlers {

		@Inbound("deposit")
		public void first(Deposit deposit) {
		}

		@Inbound("deposit")
		public void second(Deposit deposit) {
		}

	}

	@Test
	void twoHandlersForOneEvent() {
		assertThatExceptionOfType(DeclarationException.class).isThrownBy(() -> this.reader.read(new TwoHandlers()))
			.withMessageContaining("TwoHandlers.first")
			.withMessageContaining("TwoHandlers.second")
			.withMessageContaining("'deposit'")
			.withMessageContaining("merge them or rename one event");
	}

	@VirtualMicroservice("bank")
	static class OutboundVoid {

		@Inbound("deposit")
		@Outbound("deposited")
		public void handle(Deposit deposit) {
		}

	}

	@Test
	void outboundMethodReturningVoid() {
		assertThatExceptionOfType(DeclarationException.class).isThrownBy(() -> this.reader.read(new OutboundVoid()))
			.withMessageContaining(OutboundVoid.class.getName() + ".handle(Deposit)")
			.withMessageContaining("returns void")
			.withMessageContaining("return the event record to emit, or remove @Outbound");
	}

	@VirtualMicroservice("bank")
	static class MissingOutbound {

		@Inbound("deposit")
		public Deposited handle(Deposit deposit) {
			return null;
		}

	}

	@Test
	void nonVoidMethodWithoutOutbound() {
		assertThatExceptionOfType(DeclarationException.class).isThrownBy(() -> this.reader.read(new MissingOutbound()))
			.withMessageContaining(MissingOutbound.class.getName() + ".handle(Deposit)")
			.withMessageContaining("returns Deposited but has no @Outbound")
			.withMessageContaining("add @Outbound(\"event\")");
	}

	@VirtualMicroservice("bank")
	static class OutboundWithoutInbound {

		@Outbound("deposited")
		public Deposited handle(Deposit deposit) {
			return null;
		}

	}

	@Test
	void outboundWithoutInbound() {
		assertThatExceptionOfType(DeclarationException.class)
			.isThrownBy(() -> this.reader.read(new OutboundWithoutInbound()))
			.withMessageContaining(OutboundWithoutInbound.class.getName() + ".handle(Deposit)")
			.withMessageContaining("add @Inbound");
	}

	@VirtualMicroservice("bank")
	static class PartitionByNothing {

		@Inbound("deposit")
		@PartitionBy("customer")
		public void handle(Deposit deposit) {
		}

	}

	@VirtualMicroservice("bank")
	static class PartitionByEmpty {

		@Inbound("deposit")
		@PartitionBy({})
		public void handle(Deposit deposit) {
		}

	}

	@Test
	void partitionByNamingNothingOnTheEvent() {
		assertThatExceptionOfType(DeclarationException.class).isThrownBy(() -> this.reader.read(new PartitionByNothing()))
			.withMessageContaining(PartitionByNothing.class.getName() + ".handle(Deposit)")
			.withMessageContaining("@PartitionBy(\"customer\") names nothing on event Deposit")
			.withMessageContaining("account")
			.withMessageContaining("amount");
		assertThatExceptionOfType(DeclarationException.class).isThrownBy(() -> this.reader.read(new PartitionByEmpty()))
			.withMessageContaining(PartitionByEmpty.class.getName() + ".handle(Deposit)")
			.withMessageContaining("names no component of Deposit");
	}

	@VirtualMicroservice("bank")
	static class NonRecordParameter {

		@Inbound("deposit")
		public void handle(String deposit) {
		}

	}

	@VirtualMicroservice("bank")
	static class NonRecordReturn {

		@Inbound("deposit")
		@Outbound("deposited")
		public String handle(Deposit deposit) {
			return "";
		}

	}

	@Test
	void nonRecordEvents() {
		assertThatExceptionOfType(DeclarationException.class).isThrownBy(() -> this.reader.read(new NonRecordParameter()))
			.withMessageContaining(NonRecordParameter.class.getName() + ".handle(String) parameter")
			.withMessageContaining("java.lang.String, not a record")
			.withMessageContaining("events are Java records");
		assertThatExceptionOfType(DeclarationException.class).isThrownBy(() -> this.reader.read(new NonRecordReturn()))
			.withMessageContaining(NonRecordReturn.class.getName() + ".handle(Deposit) return type")
			.withMessageContaining("not a record");
	}

	@VirtualMicroservice("bank")
	static class NoParameter {

		@Inbound("deposit")
		public void handle() {
		}

	}

	@VirtualMicroservice("bank")
	static class TwoParameters {

		@Inbound("deposit")
		public void handle(Deposit deposit, Deposit other) {
		}

	}

	@Test
	void wrongParameterCount() {
		assertThatExceptionOfType(DeclarationException.class).isThrownBy(() -> this.reader.read(new NoParameter()))
			.withMessageContaining(NoParameter.class.getName() + ".handle()")
			.withMessageContaining("takes 0 parameters; a handler takes exactly one: the event record");
		assertThatExceptionOfType(DeclarationException.class).isThrownBy(() -> this.reader.read(new TwoParameters()))
			.withMessageContaining(TwoParameters.class.getName() + ".handle(Deposit, Deposit)")
			.withMessageContaining("takes 2 parameters");
	}

	@VirtualMicroservice("bank")
	static class NonPublicHandler {

		@Inbound("deposit")
		void handle(Deposit deposit) {
		}

	}

	@VirtualMicroservice("bank")
	static class NonPublicInheritedHandler extends NonPublicHandlerBase {

	}

	static class NonPublicHandlerBase {

		@Inbound("deposit")
		protected void handle(Deposit deposit) {
		}

	}

	@Test
	void nonPublicInboundMethod() {
		assertThatExceptionOfType(DeclarationException.class).isThrownBy(() -> this.reader.read(new NonPublicHandler()))
			.withMessageContaining(NonPublicHandler.class.getName() + ".handle(Deposit)")
			.withMessageContaining("is @Inbound but not public; make it public");
		assertThatExceptionOfType(DeclarationException.class)
			.isThrownBy(() -> this.reader.read(new NonPublicInheritedHandler()))
			.withMessageContaining(NonPublicHandlerBase.class.getName() + ".handle(Deposit)")
			.withMessageContaining("make it public");
	}

	@VirtualMicroservice("Bank")
	static class UpperCaseName {

	}

	@VirtualMicroservice("")
	static class EmptyName {

	}

	@VirtualMicroservice("-bank")
	static class DashName {

	}

	@VirtualMicroservice("bank account")
	static class SpaceName {

	}

	@Test
	void invalidVmsNames() {
		for (Object vms : List.of(new UpperCaseName(), new EmptyName(), new DashName(), new SpaceName())) {
			String name = vms.getClass().getAnnotation(VirtualMicroservice.class).value();
			assertThatExceptionOfType(DeclarationException.class).as(name).isThrownBy(() -> this.reader.read(vms))
				.withMessageContaining(vms.getClass().getName())
				.withMessageContaining("VMS name '" + name + "' is invalid")
				.withMessageContaining("use lower-case letters, digits, '-' and '_'");
		}
	}

	@VirtualMicroservice("bank")
	static class PartitionedAndParallel {

		@Inbound("deposit")
		@PartitionBy("account")
		@Parallel
		public void handle(Deposit deposit) {
		}

	}

	@Test
	void partitionByAndParallelTogether() {
		assertThatExceptionOfType(DeclarationException.class)
			.isThrownBy(() -> this.reader.read(new PartitionedAndParallel()))
			.withMessageContaining(PartitionedAndParallel.class.getName() + ".handle(Deposit)")
			.withMessageContaining("both @PartitionBy and @Parallel; choose one");
	}

	@VirtualMicroservice("bank")
	static class BlankEvent {

		@Inbound(" ")
		public void handle(Deposit deposit) {
		}

	}

	@Test
	void blankEventName() {
		assertThatExceptionOfType(DeclarationException.class).isThrownBy(() -> this.reader.read(new BlankEvent()))
			.withMessageContaining(BlankEvent.class.getName() + ".handle(Deposit)")
			.withMessageContaining("@Inbound needs an event name");
	}

}
